// Sorting on raw values and searching in the descriptive columns only (item,
// name, variant), so typing "5" finds item 0105, not every cell holding a 5.
// Ties fall back to the descriptive columns in natural order, so sizes read
// XS, S, M, L, XL and 38 before 100, not in alphabetical order.
#pragma once

#include <QCollator>
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
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int compareCells(const QVariant &left, const QVariant &right) const;

    OnhandTableModel *m_source;
    QString m_search;
    QCollator m_collator;
};

} // namespace ivui
