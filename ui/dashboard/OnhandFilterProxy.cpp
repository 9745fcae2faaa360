#include "dashboard/OnhandFilterProxy.h"

#include "dashboard/OnhandTableModel.h"

namespace ivui {

OnhandFilterProxy::OnhandFilterProxy(OnhandTableModel *source, QObject *parent)
    : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
    setSortRole(OnhandTableModel::SortRole);
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
