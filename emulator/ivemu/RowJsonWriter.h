// Writes query rows (§9.5) straight into one QByteArray as compact JSON.
// Building a QJsonObject tree per row and serialising it with QJsonDocument
// cost as much again as the serialisation (docs/BENCHMARKS.md), so the rows
// are written directly. The bytes must stay exactly what QJsonDocument wrote
// before: keys in QJsonObject's order (sorted by UTF-16 code unit), a later
// key of the same name replacing an earlier one, integers as QByteArray::number
// writes them, strings escaped the way Qt's JSON writer escapes them.
#pragma once

#include "ivemu/QueryEngine.h"

#include <QByteArray>
#include <QList>
#include <QStringView>

namespace ivemu {

class MeasureModel;

class RowJsonWriter
{
public:
    // Encodes the key fragments of one query's rows once; `result` gives the
    // dimension names and whether the §24 switch is on (its rows are not read).
    RowJsonWriter(const MeasureModel &model, const QueryResult &result);

    // True when a measure the row would show is below zero (returnNegative false).
    bool showsNegative(const QueryRow &row) const;

    // `[row,row,...]`
    QByteArray array(const QList<QueryRow> &rows) const;
    // One row object, no separator.
    void appendRow(QByteArray &out, const QueryRow &row) const;

    // A JSON string literal, quotes included, escaped as QJsonDocument does.
    static void appendString(QByteArray &out, QStringView text);

private:
    struct Measure
    {
        QByteArray key; // "name":
        int physical = -1;
        CalculatedMeasure calculated; // when physical < 0
    };
    struct Source
    {
        QByteArray key;          // "name":{
        QList<Measure> measures; // sorted by name
    };
    // Sources of one name, in configuration order: QJsonObject::insert kept the last one inserted.
    using SourceGroup = QList<Source>;
    // The full answer (no §24 switch): text before each value, precomputed across measures and sources.
    struct Step
    {
        QByteArray prefix;
        Measure measure; // a copy: the writer stays safe to copy
    };

    bool shown(const Measure &measure, const QueryRow &row) const;
    const Source *chosen(const SourceGroup &group, const QueryRow &row) const;
    void appendQuantities(QByteArray &out, const QueryRow &row) const;
    void appendDimensions(QByteArray &out, const QueryRow &row) const;
    void appendWithExtraFields(QByteArray &out, const QueryRow &row) const;
    static qint64 value(const Measure &measure, const QueryRow &row);

    bool m_omitUntouched = false;
    QList<SourceGroup> m_groups;                      // sorted by source name
    QList<Step> m_steps;                              // m_omitUntouched false only
    QByteArray m_stepsEnd;                            // closes the last source and the quantities
    QList<QPair<QByteArray, qsizetype>> m_dimensions; // sorted `"name":` and the value's column
};

} // namespace ivemu
