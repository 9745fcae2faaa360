#include "dashboard/LocationTree.h"

#include "common/StatusIcons.h"

#include <QHeaderView>
#include <QLocale>

namespace ivui {

namespace {
constexpr int kStoreIdRole = Qt::UserRole + 1;
}

LocationTree::LocationTree(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Location"), tr("State")});
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAccessibleName(tr("Locations"));
    setAccessibleDescription(
        tr("Legal entities, stores and distribution centres; pick one to see its stock."));
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        if (!current)
            return;
        const QString storeId = current->data(0, kStoreIdRole).toString();
        for (const auto &store : std::as_const(m_stores)) {
            if (store.storeId == storeId) {
                emit storeSelected(store);
                return;
            }
        }
    });
}

void LocationTree::setStores(const QList<ivcore::StoreLocation> &stores)
{
    clear();
    m_stores = stores;
    QHash<QString, QTreeWidgetItem *> entities;
    for (const auto &store : stores) {
        QTreeWidgetItem *&entity = entities[store.organizationId];
        if (!entity) {
            entity = new QTreeWidgetItem(this, {store.organizationId});
            entity->setFlags(Qt::ItemIsEnabled);
            entity->setToolTip(0, tr("Legal entity %1").arg(store.organizationId));
        }
        auto *item = new QTreeWidgetItem(entity, {store.storeId + QLatin1Char(' ') + store.name});
        item->setData(0, kStoreIdRole, store.storeId);
        item->setToolTip(0,
                         tr("%1 · site %2 · warehouse %3").arg(store.name, store.siteId, store.locationId));
    }
    expandAll();
    for (const auto &store : stores)
        setState(store.storeId, LocationState::NotPolled);
}

QTreeWidgetItem *LocationTree::itemFor(const QString &storeId) const
{
    for (QTreeWidgetItemIterator it(const_cast<LocationTree *>(this)); *it; ++it) {
        if ((*it)->data(0, kStoreIdRole).toString() == storeId)
            return *it;
    }
    return nullptr;
}

void LocationTree::setState(const QString &storeId, LocationState state, const QDateTime &since,
                            const QString &reason)
{
    QTreeWidgetItem *item = itemFor(storeId);
    if (!item)
        return;
    const QString time =
        since.isValid() ? QLocale().toString(since.toLocalTime().time(), QLocale::ShortFormat) : QString();
    QString text;
    StatusIcon icon = StatusIcon::Idle;
    switch (state) {
    case LocationState::NotPolled:
        text = tr("—");
        break;
    case LocationState::Loading:
        text = tr("loading…");
        icon = StatusIcon::Busy;
        break;
    case LocationState::Live:
        text = tr("live %1").arg(time);
        icon = StatusIcon::Live;
        break;
    case LocationState::Stale:
        text = tr("stale %1").arg(time);
        icon = StatusIcon::Stale;
        break;
    case LocationState::Failed:
        text = tr("failed");
        icon = StatusIcon::Failed;
        break;
    }
    item->setText(1, text);
    item->setIcon(1, statusIcon(icon, palette()));
    const QString explained =
        state == LocationState::NotPolled ? tr("Not shown yet; select it to see its stock.")
        : state == LocationState::Stale   ? tr("Figures from %1 are the last that arrived.").arg(time)
                                          : text;
    item->setToolTip(1, reason.isEmpty() ? explained : explained + QLatin1Char('\n') + reason);
    item->setData(1, Qt::AccessibleTextRole, explained);
}

void LocationTree::selectStore(const QString &storeId)
{
    if (QTreeWidgetItem *item = itemFor(storeId))
        setCurrentItem(item);
}

} // namespace ivui
