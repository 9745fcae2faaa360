#include "dashboard/OnhandTableModel.h"

#include <QApplication>
#include <QColor>
#include <QIcon>
#include <QLocale>
#include <QPalette>
#include <QStyle>
#include <algorithm>
#include <cmath>

namespace ivui {

namespace {

QString formatQuantity(double value)
{
    const bool whole = std::abs(value - std::round(value)) < 1e-9;
    return QLocale().toString(value, 'f', whole ? 0 : 2);
}

QString dimensionTitle(const QString &dimension)
{
    if (dimension.compare(QLatin1String("ColorId"), Qt::CaseInsensitive) == 0)
        return OnhandTableModel::tr("Colour");
    if (dimension.compare(QLatin1String("SizeId"), Qt::CaseInsensitive) == 0)
        return OnhandTableModel::tr("Size");
    if (dimension.compare(QLatin1String("StyleId"), Qt::CaseInsensitive) == 0)
        return OnhandTableModel::tr("Style");
    if (dimension.compare(QLatin1String("ConfigId"), Qt::CaseInsensitive) == 0)
        return OnhandTableModel::tr("Configuration");
    return dimension;
}

} // namespace

OnhandTableModel::OnhandTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_measures(defaultMeasures())
{
    m_fadeTimer.setInterval(250);
    connect(&m_fadeTimer, &QTimer::timeout, this, &OnhandTableModel::refreshFading);
}

QList<MeasureColumn> OnhandTableModel::defaultMeasures()
{
    // Good defaults from the reference (§9.6); names are matched ignoring case.
    return {
        {QStringLiteral("iv.onhand"), tr("On hand"), tr("Inventory Visibility on hand (iv.onhand)")},
        {QStringLiteral("iv.availabletoreserve"), tr("Available"),
         tr("Available to reserve (iv.availabletoreserve)")},
        {QStringLiteral("iv.softreservphysical"), tr("Reserved"),
         tr("Soft reserved (iv.softreservphysical)")},
        {QStringLiteral("fno.availphysical"), tr("SCM available"),
         tr("Physically available in Supply Chain Management (fno.availphysical)")},
        {QStringLiteral("pos.inbound"), tr("POS in"), tr("Point-of-sale inbound (pos.inbound)")},
        {QStringLiteral("pos.outbound"), tr("POS out"), tr("Point-of-sale outbound (pos.outbound)")},
    };
}

void OnhandTableModel::setProductNames(QHash<QString, QString> names)
{
    beginResetModel();
    m_productNames = std::move(names);
    endResetModel();
}

void OnhandTableModel::clear(const QStringList &groupBy)
{
    beginResetModel();
    m_groupBy = groupBy;
    m_snapshot.reset();
    m_keys.clear();
    m_rowByKey.clear();
    m_marks.clear();
    endResetModel();
    m_fadeTimer.stop();
}

void OnhandTableModel::applySnapshot(std::shared_ptr<const ivcore::Snapshot> snapshot)
{
    if (!m_snapshot) {
        if (!snapshot->items.isEmpty())
            beginInsertRows({}, 0, static_cast<int>(snapshot->items.size()) - 1);
        m_snapshot = std::move(snapshot);
        for (const ivcore::StockItem &item : m_snapshot->items) {
            m_rowByKey.insert(item.key, static_cast<int>(m_keys.size()));
            m_keys << item.key;
        }
        if (!m_keys.isEmpty())
            endInsertRows();
        return;
    }

    const ivcore::SnapshotDiff diff = ivcore::diffSnapshots(*m_snapshot, *snapshot);
    if (!diff.removed.isEmpty()) {
        QList<int> rows;
        for (const QString &key : diff.removed)
            rows << m_rowByKey.value(key);
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (int row : std::as_const(rows)) {
            beginRemoveRows({}, row, row);
            m_keys.removeAt(row);
            endRemoveRows();
        }
        m_rowByKey.clear();
        for (int row = 0; row < m_keys.size(); ++row)
            m_rowByKey.insert(m_keys.at(row), row);
    }

    m_snapshot = std::move(snapshot); // every remaining key exists in the new snapshot

    if (!diff.added.isEmpty()) {
        const int first = static_cast<int>(m_keys.size());
        beginInsertRows({}, first, first + static_cast<int>(diff.added.size()) - 1);
        for (const QString &key : diff.added) {
            m_rowByKey.insert(key, static_cast<int>(m_keys.size()));
            m_keys << key;
        }
        endInsertRows();
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const ivcore::CellChange &change : diff.changed) {
        const auto column = std::find_if(m_measures.cbegin(), m_measures.cend(), [&](const MeasureColumn &m) {
            return m.measureKey == change.measure;
        });
        if (column == m_measures.cend())
            continue;
        const double before = change.before.value_or(0.0);
        const double after = change.after.value_or(0.0);
        m_marks.insert(markKey(change.key, change.measure),
                       {now, after > before ? 1 : (after < before ? -1 : 0)});
        const int row = m_rowByKey.value(change.key, -1);
        if (row < 0)
            continue;
        const QModelIndex cell =
            index(row, measureColumnOffset() + static_cast<int>(column - m_measures.cbegin()));
        emit dataChanged(cell, cell,
                         {Qt::DisplayRole, SortRole, Qt::BackgroundRole, Qt::ForegroundRole, Qt::ToolTipRole,
                          Qt::DecorationRole, ChangeDirectionRole});
    }
    if (!m_marks.isEmpty() && !m_fadeTimer.isActive())
        m_fadeTimer.start();
}

const ivcore::StockItem *OnhandTableModel::itemAt(int row) const
{
    return m_snapshot ? m_snapshot->find(m_keys.at(row)) : nullptr;
}

int OnhandTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_keys.size());
}

int OnhandTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : measureColumnOffset() + static_cast<int>(m_measures.size());
}

int OnhandTableModel::negativeCount() const
{
    if (!m_snapshot)
        return 0;
    return static_cast<int>(
        std::count_if(m_snapshot->items.cbegin(), m_snapshot->items.cend(), [](const auto &item) {
            return item.quantities.value(QStringLiteral("iv.onhand")) < 0;
        }));
}

QVariant OnhandTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ivcore::StockItem *item = itemAt(index.row());
    if (!item)
        return {};
    const int column = index.column();
    if (column == 0) {
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::AccessibleTextRole)
            return item->productId;
        return {};
    }
    if (column == nameColumn()) {
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::AccessibleTextRole)
            return m_productNames.value(item->productId);
        return {};
    }
    if (column < measureColumnOffset()) {
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::AccessibleTextRole)
            return item->variant.value(column - firstDimensionColumn());
        return {};
    }

    const MeasureColumn &measure = m_measures.at(column - measureColumnOffset());
    const auto found = item->quantities.constFind(measure.measureKey);
    const bool known = found != item->quantities.constEnd();
    const double value = known ? *found : 0.0;
    const auto mark = m_marks.constFind(markKey(item->key, measure.measureKey));
    const qint64 age =
        mark == m_marks.constEnd() ? -1 : mark->changedAt.msecsTo(QDateTime::currentDateTimeUtc());
    const int direction = (age >= 0 && age < kArrowMs) ? mark->direction : 0;

    switch (role) {
    case Qt::DisplayRole: {
        if (!known)
            return QStringLiteral("—");
        const QString arrow = direction > 0   ? QStringLiteral(" ▲")
                              : direction < 0 ? QStringLiteral(" ▼")
                                              : QString();
        return QString(formatQuantity(value) + arrow);
    }
    case SortRole:
        return known ? QVariant(value) : QVariant(-1e300); // unknown sorts first, never as zero
    case ChangeDirectionRole:
        return direction;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (known && value < 0) {
            // A red that keeps its contrast on light and on dark bases.
            const bool darkBase = QApplication::palette().color(QPalette::Base).lightness() < 128;
            return darkBase ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
        }
        return {};
    case Qt::DecorationRole:
        if (known && value < 0)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::BackgroundRole:
        if (age >= 0 && age < kFlashMs) {
            // Fade from a clear tint to nothing; translucent, so it reads on light and dark palettes.
            const int alpha = static_cast<int>(110.0 * (1.0 - static_cast<double>(age) / kFlashMs));
            return direction >= 0 ? QColor(40, 180, 80, alpha) : QColor(230, 140, 20, alpha);
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = measure.toolTip;
        if (!known)
            tip += tr("\nNot in the answer of Inventory Visibility.");
        else if (value < 0)
            tip += tr("\nNegative: more was sold or reserved than is on hand.");
        if (direction != 0)
            tip += tr("\nChanged at %1.").arg(QLocale().toString(mark->changedAt.toLocalTime().time()));
        return tip;
    }
    case Qt::AccessibleTextRole:
        if (!known)
            return tr("no value");
        return QString(formatQuantity(value) + (value < 0 ? tr(", negative") : QString()) +
                       (direction > 0   ? tr(", went up")
                        : direction < 0 ? tr(", went down")
                                        : QString()));
    default:
        return {};
    }
}

QVariant OnhandTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (section == 0)
        return role == Qt::DisplayRole ? QVariant(tr("Item")) : QVariant();
    if (section == nameColumn())
        return role == Qt::DisplayRole ? QVariant(tr("Name")) : QVariant();
    if (section < measureColumnOffset())
        return role == Qt::DisplayRole
                   ? QVariant(dimensionTitle(m_groupBy.value(section - firstDimensionColumn())))
                   : QVariant();
    const MeasureColumn &measure = m_measures.value(section - measureColumnOffset());
    if (role == Qt::DisplayRole)
        return measure.title;
    if (role == Qt::ToolTipRole)
        return measure.toolTip;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void OnhandTableModel::refreshFading()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_marks.begin(); it != m_marks.end();) {
        const qint64 age = it->changedAt.msecsTo(now);
        const QString itemKey = it.key().section(QChar(0x1E), 0, 0);
        const QString measureKey = it.key().section(QChar(0x1E), 1);
        const int row = m_rowByKey.value(itemKey, -1);
        const auto column = std::find_if(m_measures.cbegin(), m_measures.cend(),
                                         [&](const MeasureColumn &m) { return m.measureKey == measureKey; });
        // Repaint while fading, and once more when the arrow goes.
        if (row >= 0 && column != m_measures.cend() && (age < kFlashMs + 500 || age >= kArrowMs)) {
            const QModelIndex cell =
                index(row, measureColumnOffset() + static_cast<int>(column - m_measures.cbegin()));
            emit dataChanged(cell, cell, {Qt::BackgroundRole, Qt::DisplayRole, ChangeDirectionRole});
        }
        it = age >= kArrowMs ? m_marks.erase(it) : std::next(it);
    }
    if (m_marks.isEmpty())
        m_fadeTimer.stop();
}

} // namespace ivui
