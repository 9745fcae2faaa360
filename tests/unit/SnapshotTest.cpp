// Snapshots key rows by product and variant; the diff drives the live table.
#include "monitor/Snapshot.h"

#include "iv/OnhandParser.h"

#include <gtest/gtest.h>

using namespace ivcore;

namespace {

Snapshot snapshotOf(const char *json)
{
    const auto parsed = parseOnhandResponse(json);
    EXPECT_TRUE(parsed.error.isEmpty());
    return makeSnapshot(parsed.rows, {QStringLiteral("ColorId"), QStringLiteral("SizeId")},
                        QDateTime::currentDateTimeUtc());
}

} // namespace

TEST(Snapshot, KeysByProductAndVariantWhateverTheCasing)
{
    const Snapshot s = snapshotOf(R"([
        {"productId":"0140","dimensions":{"ColorId":"Navy","SizeId":"M"},"quantities":{"iv":{"onhand":12}}},
        {"productId":"0140","dimensions":{"colorid":"Navy","sizeid":"L"},"quantities":{"iv":{"onhand":0}}}])");
    ASSERT_EQ(s.items.size(), 2);
    EXPECT_EQ(s.items[0].variant, (QStringList{QStringLiteral("Navy"), QStringLiteral("M")}));
    EXPECT_EQ(s.items[1].variant, (QStringList{QStringLiteral("Navy"), QStringLiteral("L")}));
    EXPECT_NE(s.items[0].key, s.items[1].key);
}

TEST(Snapshot, SumsRowsOfTheSameVariant)
{
    // A store with two warehouses answers one row per warehouse.
    const Snapshot s = snapshotOf(R"([
        {"productId":"A","dimensions":{"ColorId":"Red","SizeId":"S","locationid":"W1"},"quantities":{"iv":{"onhand":2}}},
        {"productId":"A","dimensions":{"ColorId":"Red","SizeId":"S","locationid":"W2"},"quantities":{"iv":{"onhand":3}}}])");
    ASSERT_EQ(s.items.size(), 1);
    EXPECT_EQ(s.items[0].quantities.value(QStringLiteral("iv.onhand")), 5.0);
}

TEST(Snapshot, DiffFindsAddedRemovedAndChangedCells)
{
    const Snapshot before = snapshotOf(R"([
        {"productId":"A","dimensions":{"ColorId":"Red","SizeId":"S"},"quantities":{"iv":{"onhand":2,"x":1}}},
        {"productId":"B","dimensions":{"ColorId":"Red","SizeId":"S"},"quantities":{"iv":{"onhand":2}}}])");
    const Snapshot after = snapshotOf(R"([
        {"productId":"A","dimensions":{"ColorId":"Red","SizeId":"S"},"quantities":{"iv":{"onhand":1,"x":1}}},
        {"productId":"C","dimensions":{"ColorId":"Red","SizeId":"S"},"quantities":{"iv":{"onhand":7}}}])");
    const SnapshotDiff diff = diffSnapshots(before, after);
    ASSERT_EQ(diff.added.size(), 1);
    EXPECT_TRUE(diff.added[0].startsWith(QStringLiteral("C")));
    ASSERT_EQ(diff.removed.size(), 1);
    EXPECT_TRUE(diff.removed[0].startsWith(QStringLiteral("B")));
    ASSERT_EQ(diff.changed.size(), 1);
    EXPECT_EQ(diff.changed[0].measure, QStringLiteral("iv.onhand"));
    EXPECT_EQ(diff.changed[0].before, 2.0);
    EXPECT_EQ(diff.changed[0].after, 1.0);
}

TEST(Snapshot, AMeasureThatDisappearsIsAChangeToUnknown)
{
    const Snapshot before = snapshotOf(
        R"([{"productId":"A","dimensions":{},"quantities":{"iv":{"onhand":2},"pos":{"inbound":1}}}])");
    const Snapshot after =
        snapshotOf(R"([{"productId":"A","dimensions":{},"quantities":{"iv":{"onhand":2}}}])");
    const SnapshotDiff diff = diffSnapshots(before, after);
    ASSERT_EQ(diff.changed.size(), 1);
    EXPECT_EQ(diff.changed[0].measure, QStringLiteral("pos.inbound"));
    EXPECT_FALSE(diff.changed[0].after.has_value());
}

TEST(Snapshot, IdenticalPollsHaveNoDiff)
{
    const char *json =
        R"([{"productId":"A","dimensions":{"ColorId":"Red"},"quantities":{"iv":{"onhand":2}}}])";
    EXPECT_TRUE(diffSnapshots(snapshotOf(json), snapshotOf(json)).isEmpty());
}
