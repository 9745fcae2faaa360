#include "dashboard/OnhandFilterProxy.h"

#include "dashboard/OnhandTableModel.h"

namespace ivui {

namespace {

// Garment sizes in their natural order; anything else sorts after them.
int garmentSizeRank(const QString &text)
{
    static const QStringList order{QStringLiteral("XXS"), QStringLiteral("XS"),  QStringLiteral("S"),
                                   QStringLiteral("M"),   QStringLiteral("L"),   QStringLiteral("XL"),
                                   QStringLiteral("XXL"), QStringLiteral("XXXL")};
    return static_cast<int>(order.indexOf(text.trimmed().toUpper()));
}

} // namespace

OnhandFilterProxy::OnhandFilterProxy(OnhandTableModel *source, QObject *parent)
    : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
    setSortRole(OnhandTableModel::SortRole);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

int OnhandFilterProxy::compareCells(const QVariant &left, const QVariant &right) const
{
    if (left.typeId() == QMetaType::Double && right.typeId() == QMetaType::Double) {
        const double a = left.toDouble();
        const double b = right.toDouble();
        return a < b ? -1 : (b < a ? 1 : 0);
    }
    const QString a = left.toString();
    const QString b = right.toString();
    const int rankA = garmentSizeRank(a);
    const int rankB = garmentSizeRank(b);
    if (rankA >= 0 && rankB >= 0)
        return rankA - rankB;
    // Shoe sizes and other numbers by value; QCollator's numeric mode is not
    // honoured by every backend (not in the C locale), so do it here.
    bool numberA = false;
    bool numberB = false;
    const double valueA = a.toDouble(&numberA);
    const double valueB = b.toDouble(&numberB);
    if (numberA && numberB && valueA != valueB)
        return valueA < valueB ? -1 : 1;
    return m_collator.compare(a, b);
}

bool OnhandFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (const int c = compareCells(left.data(sortRole()), right.data(sortRole())); c != 0)
        return c < 0;
    for (int column = 0; column < m_source->measureColumnOffset(); ++column) {
        if (column == left.column())
            continue;
        const QVariant a = m_source->index(left.row(), column).data(sortRole());
        const QVariant b = m_source->index(right.row(), column).data(sortRole());
        if (const int c = compareCells(a, b); c != 0)
            return c < 0;
    }
    return left.row() < right.row();
}

void OnhandFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateFilter();
}

bool OnhandFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_search.isEmpty())
        return true;
    for (int column = 0; column < m_source->measureColumnOffset(); ++column) {
        const QString text = m_source->index(sourceRow, column, sourceParent).data().toString();
        if (text.contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace ivui
