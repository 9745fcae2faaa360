#include "ivemu/RowJsonWriter.h"

#include "ivemu/MeasureModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QVarLengthArray>
#include <charconv>

namespace ivemu {

namespace {

QByteArray quotedKey(const QString &name, const char *after)
{
    QByteArray out;
    RowJsonWriter::appendString(out, name);
    out += after;
    return out;
}

void appendNumber(QByteArray &out, qint64 number)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out.append(digits, end - digits);
}

// Any other JSON value (QueryATP's fields): rare, so Qt writes it, wrapped in an array and unwrapped.
QByteArray compactValue(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace

RowJsonWriter::RowJsonWriter(const MeasureModel &model, const QueryResult &result)
    : m_omitUntouched(result.omitUntouched)
{
    // QMap iterates in QString order, which is QJsonObject's key order; insert() replaces like it.
    QMap<QString, SourceGroup> groups;
    for (const DataSource &source : model.sources()) {
        QMap<QString, Measure> measures;
        for (int physical : source.physical)
            measures.insert(model.physicalName(physical),
                            {quotedKey(model.physicalName(physical), ":"), physical, {}});
        for (const CalculatedMeasure &calculated : source.calculated)
            measures.insert(calculated.name, {quotedKey(calculated.name, ":"), -1, calculated});
        groups[source.name].append({quotedKey(source.name, ":{"), measures.values()});
    }
    m_groups = groups.values();

    QByteArray pending = "{";
    for (qsizetype g = 0; g < m_groups.size(); ++g) {
        const Source &source = m_groups[g].last(); // without the switch no source is empty-and-skipped
        pending += g > 0 ? "," : "";
        pending += source.key;
        for (qsizetype m = 0; m < source.measures.size(); ++m) {
            pending += m > 0 ? "," : "";
            pending += source.measures[m].key;
            m_steps.append({pending, source.measures[m]});
            pending.clear();
        }
        pending += '}';
    }
    m_stepsEnd = pending + '}';

    QMap<QString, qsizetype> columns;
    for (qsizetype c = 0; c < result.dimensionNames.size(); ++c)
        columns.insert(result.dimensionNames[c], c);
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it)
        m_dimensions.append({quotedKey(it.key(), ":"), it.value()});
}

qint64 RowJsonWriter::value(const Measure &measure, const QueryRow &row)
{
    return measure.physical >= 0 ? row.sum[std::size_t(measure.physical)]
                                 : MeasureModel::value(measure.calculated, row.sum);
}

// §24: a physical measure shows when its bit is set, a calculated one when any operand shows.
bool RowJsonWriter::shown(const Measure &measure, const QueryRow &row) const
{
    if (!m_omitUntouched)
        return true;
    const auto bit = [&row](int physical) {
        return (row.shown >> physical) & 1u;
    };
    if (measure.physical >= 0)
        return bit(measure.physical);
    return std::any_of(measure.calculated.add.begin(), measure.calculated.add.end(), bit) ||
           std::any_of(measure.calculated.subtract.begin(), measure.calculated.subtract.end(), bit);
}

// With the switch, an empty source was not inserted, so an earlier one of the same name stayed.
const RowJsonWriter::Source *RowJsonWriter::chosen(const SourceGroup &group, const QueryRow &row) const
{
    if (!m_omitUntouched)
        return &group.last();
    for (auto it = group.rbegin(); it != group.rend(); ++it)
        for (const Measure &measure : it->measures)
            if (shown(measure, row))
                return &*it;
    return nullptr;
}

bool RowJsonWriter::showsNegative(const QueryRow &row) const
{
    for (const SourceGroup &group : m_groups)
        if (const Source *source = chosen(group, row))
            for (const Measure &measure : source->measures)
                if (shown(measure, row) && value(measure, row) < 0)
                    return true;
    return false;
}

void RowJsonWriter::appendQuantities(QByteArray &out, const QueryRow &row) const
{
    if (!m_omitUntouched) { // the hot path: one prefix and one number per measure
        for (const Step &step : m_steps) {
            out += step.prefix;
            appendNumber(out, value(step.measure, row));
        }
        out += m_stepsEnd;
        return;
    }
    out += '{';
    bool firstSource = true;
    for (const SourceGroup &group : m_groups) {
        const Source *source = chosen(group, row);
        if (!source)
            continue;
        out += firstSource ? "" : ",";
        out += source->key;
        firstSource = false;
        bool firstMeasure = true;
        for (const Measure &measure : source->measures) {
            if (!shown(measure, row))
                continue;
            out += firstMeasure ? "" : ",";
            out += measure.key;
            appendNumber(out, value(measure, row));
            firstMeasure = false;
        }
        out += '}';
    }
    out += '}';
}

void RowJsonWriter::appendDimensions(QByteArray &out, const QueryRow &row) const
{
    out += '{';
    for (qsizetype d = 0; d < m_dimensions.size(); ++d) {
        out += d > 0 ? "," : "";
        out += m_dimensions[d].first;
        appendString(out, row.dimensions[m_dimensions[d].second]);
    }
    out += '}';
}

void RowJsonWriter::appendRow(QByteArray &out, const QueryRow &row) const
{
    if (!row.extraFields.isEmpty())
        return appendWithExtraFields(out, row);
    // "dimensions" < "productId" < "quantities": the sorted order QJsonObject wrote.
    out += "{\"dimensions\":";
    appendDimensions(out, row);
    out += ",\"productId\":";
    appendString(out, row.productId);
    out += ",\"quantities\":";
    appendQuantities(out, row);
    out += '}';
}

// QueryATP rows merge their fields in key order; a field of the same name replaces ours, as insert() did.
void RowJsonWriter::appendWithExtraFields(QByteArray &out, const QueryRow &row) const
{
    QMap<QString, QByteArray> fields;
    appendDimensions(fields[QStringLiteral("dimensions")], row);
    appendString(fields[QStringLiteral("productId")], row.productId);
    appendQuantities(fields[QStringLiteral("quantities")], row);
    for (auto it = row.extraFields.constBegin(); it != row.extraFields.constEnd(); ++it)
        fields.insert(it.key(), compactValue(it.value()));
    out += '{';
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        out += it == fields.constBegin() ? "" : ",";
        appendString(out, it.key());
        out += ':';
        out += it.value();
    }
    out += '}';
}

QByteArray RowJsonWriter::array(const QList<QueryRow> &rows) const
{
    QByteArray out;
    out += '[';
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (r > 0)
            out += ',';
        appendRow(out, rows[r]);
        if (r == 0) // one row tells the size of all: grow once, not ~20 times over 34 MB
            out.reserve(out.size() * rows.size() + out.size() / 8 * rows.size() + 16);
    }
    out += ']';
    return out;
}

// Qt's JSON writer: ASCII controls, '"' and '\' escaped (\b \f \n \r \t, else \u00xx),
// other code units as UTF-8, a surrogate without its partner as \uxxxx (lowercase hex).
void RowJsonWriter::appendString(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    QVarLengthArray<char, 256> buffer(text.size() * 6 + 2); // the worst case: every unit as \uxxxx
    char *cursor = buffer.data();
    *cursor++ = '"';
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u >= 0x20 && u < 0x80 && u != u'"' && u != u'\\') {
            *cursor++ = char(u);
        } else if (u < 0x80) {
            *cursor++ = '\\';
            switch (u) {
            case u'"':
                *cursor++ = '"';
                break;
            case u'\\':
                *cursor++ = '\\';
                break;
            case u'\b':
                *cursor++ = 'b';
                break;
            case u'\f':
                *cursor++ = 'f';
                break;
            case u'\n':
                *cursor++ = 'n';
                break;
            case u'\r':
                *cursor++ = 'r';
                break;
            case u'\t':
                *cursor++ = 't';
                break;
            default:
                *cursor++ = 'u';
                *cursor++ = '0';
                *cursor++ = '0';
                *cursor++ = hex[u >> 4];
                *cursor++ = hex[u & 0xf];
            }
        } else if (u < 0x800) {
            *cursor++ = char(0xc0 | (u >> 6));
            *cursor++ = char(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            *cursor++ = char(0xe0 | (u >> 12));
            *cursor++ = char(0x80 | ((u >> 6) & 0x3f));
            *cursor++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t ucs = QChar::surrogateToUcs4(u, *src++);
            *cursor++ = char(0xf0 | (ucs >> 18));
            *cursor++ = char(0x80 | ((ucs >> 12) & 0x3f));
            *cursor++ = char(0x80 | ((ucs >> 6) & 0x3f));
            *cursor++ = char(0x80 | (ucs & 0x3f));
        } else {
            *cursor++ = '\\';
            *cursor++ = 'u';
            *cursor++ = hex[(u >> 12) & 0xf];
            *cursor++ = hex[(u >> 8) & 0xf];
            *cursor++ = hex[(u >> 4) & 0xf];
            *cursor++ = hex[u & 0xf];
        }
    }
    *cursor++ = '"';
    out.append(buffer.data(), cursor - buffer.data());
}

} // namespace ivemu
