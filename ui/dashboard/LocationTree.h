// The locations of a profile: legal entity → stores and distribution centres,
// each with its freshness (live, stale since, failed, not polled yet).
#pragma once

#include "profile/Profile.h"

#include <QDateTime>
#include <QTreeWidget>

namespace ivui {

enum class LocationState
{
    NotPolled,
    Loading,
    Live,
    Stale,
    Failed
};

class LocationTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit LocationTree(QWidget *parent = nullptr);

    void setStores(const QList<ivcore::StoreLocation> &stores);
    void setState(const QString &storeId, LocationState state, const QDateTime &since = {},
                  const QString &reason = {});
    void selectStore(const QString &storeId);

signals:
    void storeSelected(const ivcore::StoreLocation &store);

private:
    QTreeWidgetItem *itemFor(const QString &storeId) const;
    QList<ivcore::StoreLocation> m_stores;
};

} // namespace ivui
