// Sorting on raw values and searching in the descriptive columns only (item,
// name, variant), so typing "5" finds item 0105, not every cell holding a 5.
#pragma once

#include <QSortFilterProxyModel>

namespace ivui {

class OnhandTableModel;

class OnhandFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit OnhandFilterProxy(OnhandTableModel *source, QObject *parent = nullptr);

    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    OnhandTableModel *m_source;
    QString m_search;
};

} // namespace ivui
