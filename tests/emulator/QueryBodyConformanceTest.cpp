// RowJsonWriter writes query rows as bytes; clients (and the benchmark) saw
// QJsonDocument's compact output before, so the bytes must not change. Each
// case builds the reference the way QueryEngine used to (a QJsonObject per
// row through MeasureModel::quantities) and compares byte for byte.
#include "ivemu/MeasureModel.h"
#include "ivemu/RowJsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>
#include <limits>

using ivemu::MeasureModel;
using ivemu::QueryResult;
using ivemu::QueryRow;
using ivemu::RowJsonWriter;

namespace {

// The old QueryEngine::run, rows already filtered.
QByteArray reference(const MeasureModel &model, const QueryResult &result)
{
    QJsonArray out;
    for (const QueryRow &row : result.rows) {
        const auto wanted = [&row](int physical) {
            return ((row.shown >> physical) & 1u) != 0;
        };
        const QJsonObject quantities =
            result.omitUntouched ? model.quantities(row.sum, wanted) : model.quantities(row.sum);
        QJsonObject dimensions;
        for (qsizetype i = 0; i < result.dimensionNames.size(); ++i)
            dimensions.insert(result.dimensionNames[i], row.dimensions[i]);
        QJsonObject object{{QStringLiteral("productId"), row.productId},
                           {QStringLiteral("dimensions"), dimensions},
                           {QStringLiteral("quantities"), quantities}};
        for (auto it = row.extraFields.constBegin(); it != row.extraFields.constEnd(); ++it)
            object.insert(it.key(), it.value());
        out.append(object);
    }
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

// The engine's invariant: a non-zero physical measure is always shown.
QueryRow row(QString productId, QStringList dimensions, ivemu::CellQuantities sum, quint32 touched = ~0u)
{
    QueryRow out{std::move(productId), std::move(dimensions), sum, touched, {}};
    for (int p = 0; p < ivemu::PhysicalCount; ++p)
        if (sum[std::size_t(p)] != 0)
            out.shown |= 1u << p;
    return out;
}

QString fromUtf16(std::initializer_list<char16_t> units)
{
    return QString(reinterpret_cast<const QChar *>(std::data(units)), qsizetype(units.size()));
}

const QStringList kDimensionNames{QStringLiteral("siteid"), QStringLiteral("locationid"),
                                  QStringLiteral("ColorId"), QStringLiteral("SizeId")};

void expectSameBytes(const MeasureModel &model, const QueryResult &result)
{
    const QByteArray expected = reference(model, result);
    const QByteArray actual = RowJsonWriter(model, result).array(result.rows);
    EXPECT_EQ(actual, expected) << "written:   " << actual.constData()
                                << "\nreference: " << expected.constData();
}

} // namespace

TEST(IvemuQueryBodyTest, EmptyResultIsAnEmptyArray)
{
    const MeasureModel model;
    QueryResult result;
    result.dimensionNames = kDimensionNames;
    EXPECT_EQ(RowJsonWriter(model, result).array(result.rows), QByteArrayLiteral("[]"));
    expectSameBytes(model, result);
}

TEST(IvemuQueryBodyTest, StringsAreEscapedAsQJsonDocumentDoes)
{
    const MeasureModel model;
    QueryResult result;
    result.dimensionNames = kDimensionNames;
    const QString controls = QStringLiteral("a\"b\\c/d\b\f\n\r\t") + QChar(0x01) + QChar(0x1f) + QChar(0x7f) +
                             QChar(0) + QStringLiteral("end");
    const QString nonAscii = QStringLiteral("Größe·日本·é") + fromUtf16({0xd83d, 0xde00}); // U+1F600
    const QString loneSurrogates = fromUtf16({u'x', 0xd800, u'y', 0xdc00, u'z', 0xd83d});
    result.rows = {
        row(controls, {nonAscii, loneSurrogates, QString(), QStringLiteral("M")},
            {1, 2, 3, 4, 5, 6, 7, 8, 9}),
        row(nonAscii, {QStringLiteral("1"), QStringLiteral("11"), controls, loneSurrogates}, {}),
        row(loneSurrogates, {QStringLiteral("2"), QStringLiteral("21"), QStringLiteral("\u00a0"), nonAscii},
            {}),
    };
    expectSameBytes(model, result);

    // Keys are escaped too, and sorted by UTF-16 code unit like QJsonObject.
    result.dimensionNames = {QStringLiteral("z\"key"), QStringLiteral("Ä"), QStringLiteral("a\nb"),
                             QStringLiteral("B")};
    expectSameBytes(model, result);
}

TEST(IvemuQueryBodyTest, NumbersMatchIncludingNegativeZeroAndLarge)
{
    const MeasureModel model;
    QueryResult result;
    result.dimensionNames = kDimensionNames;
    constexpr qint64 big = std::numeric_limits<qint64>::max() / 4;
    result.rows = {
        row(QStringLiteral("0140"),
            {QStringLiteral("1"), QStringLiteral("11"), QStringLiteral("Red"), QStringLiteral("M")},
            {0, 0, 0, 0, 0, 0, 0, 0, 0}),
        row(QStringLiteral("0141"),
            {QStringLiteral("1"), QStringLiteral("11"), QStringLiteral("Red"), QStringLiteral("L")},
            {-1, -250, 3, -4000000, 0, 7, -8, 9, -10}),
        row(QStringLiteral("0142"),
            {QStringLiteral("1"), QStringLiteral("11"), QStringLiteral("Red"), QStringLiteral("S")},
            {big, -big, 9007199254740993LL, -9007199254740993LL, 1LL << 53, 1234567890123LL, -1, 0, 42}),
        row(QStringLiteral("0143"),
            {QStringLiteral("1"), QStringLiteral("11"), QStringLiteral("Red"), QStringLiteral("XL")},
            {std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min(), 0, 0, 0, 0, 0, 0, 0}),
    };
    expectSameBytes(model, result);
}

TEST(IvemuQueryBodyTest, OmitUntouchedMeasuresSwitch)
{
    const MeasureModel model;
    QueryResult result;
    result.dimensionNames = kDimensionNames;
    result.omitUntouched = true;
    const QStringList dims{QStringLiteral("1"), QStringLiteral("11"), QStringLiteral("Red"),
                           QStringLiteral("M")};
    result.rows = {
        row(QStringLiteral("A"), dims, {}, 0),                           // nothing shown: "quantities":{}
        row(QStringLiteral("B"), dims, {0, 5, 0, 0, 0, 0, -2, 0, 0}, 0), // non-zero ones only
        row(QStringLiteral("C"), dims, {},
            1u << ivemu::IvSoftReservPhysical),                          // touched zero, with calculated
        row(QStringLiteral("D"), dims, {}, 1u << ivemu::IvAtAllocated),  // a source alone
        row(QStringLiteral("E"), dims, {1, 20, 3, 4, 5, 6, 7, 8, 9}, 0), // everything, none negative
    };
    expectSameBytes(model, result);

    // returnNegative false: the writer judges only the measures the row shows.
    const RowJsonWriter writer(model, result);
    EXPECT_FALSE(writer.showsNegative(result.rows[0]));
    EXPECT_TRUE(writer.showsNegative(result.rows[1]));
    EXPECT_FALSE(writer.showsNegative(result.rows[4]));
}

TEST(IvemuQueryBodyTest, ConfiguredModelWithRepeatedAndEmptySources)
{
    // "FNO" and "fno" both become source "fno": QJsonObject kept the last one inserted.
    const QJsonObject systems = QJsonDocument::fromJson(R"({
        "FNO": {"physicalMeasures": ["availphysical"]},
        "fno": {"physicalMeasures": ["physicalinvent", "ordered"],
                "calculatedMeasures": {"Net": {"additionModifiers": ["fno.availphysical"],
                                               "subtractionModifiers": ["pos.outbound"]},
                                       "nothing": {}}},
        "extra": {"physicalMeasures": []},
        "pos": {"physicalMeasures": ["inbound", "outbound"]}
    })")
                                    .object();
    QString error;
    const auto model = MeasureModel::fromConfiguration(systems, &error);
    ASSERT_TRUE(model) << error.toStdString();
    QueryResult result;
    result.dimensionNames = kDimensionNames;
    const QStringList dims{QStringLiteral("1"), QStringLiteral("11"), QStringLiteral("Red"),
                           QStringLiteral("M")};
    result.rows = {row(QStringLiteral("A"), dims, {3, 0, 0, 0, 0, 0, 0, 0, 0}, 0),
                   row(QStringLiteral("B"), dims, {0, 4, 0, -6, 0, 1, 0, 0, 0}, 0),
                   row(QStringLiteral("C"), dims, {}, 0)};
    expectSameBytes(*model, result);
    result.omitUntouched = true;
    expectSameBytes(*model, result);
}

TEST(IvemuQueryBodyTest, ExtraFieldsMergeInKeyOrder)
{
    const MeasureModel model;
    QueryResult result;
    result.dimensionNames = kDimensionNames;
    QueryRow atp =
        row(QStringLiteral("0140"),
            {QStringLiteral("1"), QStringLiteral("11"), QStringLiteral("Red"), QStringLiteral("M")},
            {1, 2, 3, 4, 5, 6, 7, 8, 9});
    atp.extraFields = QJsonDocument::fromJson(R"({
        "quantitiesByDate": {"2026-12-03T00:00:00": {"fno": {"ordered": -3}}},
        "atpQuantities": {"2026-12-03T00:00:00Z": {"iv": {"onhand": 1.5, "x": "s\"t"}}},
        "Zeta": [1, true, null]
    })")
                          .object();
    result.rows = {atp, row(QStringLiteral("0141"), atp.dimensions, {})};
    expectSameBytes(model, result);
}

TEST(IvemuQueryBodyTest, DimensionsMayBeAbsent)
{
    const MeasureModel model;
    QueryResult result;
    result.rows = {row(QStringLiteral("0140"), {}, {1, 0, 0, 0, 0, 0, 0, 0, 0})};
    expectSameBytes(model, result);
}
