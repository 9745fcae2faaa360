#include "ivemu/TrafficSimulator.h"

#include "ivemu/Estate.h"
#include "ivemu/Reservations.h"
#include "ivemu/WriteEngine.h"

namespace ivemu {

namespace {

constexpr int kMaxOpenOrders = 200; // old orders are fulfilled before new ones pile up

} // namespace

TrafficSimulator::TrafficSimulator(Estate &estate, quint32 seed, QObject *parent)
    : QObject(parent), m_estate(estate), m_random(seed ^ 0x5a1e5u)
{
    connect(&m_timer, &QTimer::timeout, this, &TrafficSimulator::tick);
}

void TrafficSimulator::setWriter(WriteEngine *writes, Reservations *reservations)
{
    m_writes = writes;
    m_reservations = reservations;
}

int TrafficSimulator::pickVariant()
{
    // Half of the sales hit the first 40 items, so the top of a store's table
    // visibly moves and some rows slide to zero and below within minutes.
    const auto &products = m_estate.catalogue().products();
    const int product = m_random.bounded(2) == 0 ? m_random.bounded(qMin(40, int(products.size())))
                                                 : m_random.bounded(int(products.size()));
    return products[product].firstVariant + m_random.bounded(products[product].variantCount);
}

void TrafficSimulator::post(const char *api, int variant, int location, int physical, int delta)
{
    if (!m_writes) {
        m_estate.add(variant, location, Physical(physical), delta);
        return;
    }
    const QString id = QStringLiteral("%1-%2-%3").arg(QLatin1String(api)).arg(m_tick).arg(++m_events);
    m_writes->applyEvent(QLatin1String(api), id, {{variant, location, physical, delta}});
}

void TrafficSimulator::tick()
{
    ++m_tick;
    const auto &locations = m_estate.locations();
    QList<int> stores, centres;
    for (int l = 0; l < locations.size(); ++l)
        (locations[l].isDistributionCentre ? centres : stores).append(l);
    if (stores.isEmpty())
        return;

    // Sales are posted by the stores' POS and never check stock, as in real
    // life: that is how stock occasionally goes negative.
    for (int sales = 6 + m_random.bounded(7); sales > 0; --sales)
        post("pos-sale", pickVariant(), stores[m_random.bounded(int(stores.size()))], PosOutbound,
             1 + m_random.bounded(3));

    // Every other tick a case arrives: at a store through the POS, or at a
    // distribution centre through SCM.
    if (m_random.bounded(2) == 0) {
        const int variant = pickVariant();
        if (!centres.isEmpty() && m_random.bounded(3) == 0) {
            const int centre = centres[m_random.bounded(int(centres.size()))];
            const int quantity = 24 * (1 + m_random.bounded(4));
            post("scm-receipt", variant, centre, FnoPhysicalInvent, quantity);
            post("scm-receipt", variant, centre, FnoAvailPhysical, quantity);
        } else {
            post("pos-receipt", variant, stores[m_random.bounded(int(stores.size()))], PosInbound,
                 6 * (1 + m_random.bounded(2)));
        }
    }
    orderActivity(stores);
}

void TrafficSimulator::placeOrder(int variant, int location, int quantity)
{
    const QString orderId = QStringLiteral("order-%1-%2").arg(m_tick).arg(++m_events);
    if (!m_reservations) {
        m_estate.add(variant, location, IvSoftReservPhysical, quantity);
        m_orders.append({orderId, QString(), variant, location, quantity});
        return;
    }
    const CatalogueVariant &v = m_estate.catalogue().variants()[variant];
    const EstateLocation &l = m_estate.locations()[location];
    QJsonObject dimensions{{QStringLiteral("siteId"), l.siteId},
                           {QStringLiteral("locationId"), l.locationId}};
    if (!v.colorId.isEmpty())
        dimensions.insert(QStringLiteral("ColorId"), v.colorId);
    if (!v.sizeId.isEmpty())
        dimensions.insert(QStringLiteral("SizeId"), v.sizeId);
    const WriteResult result = m_reservations->reserve(
        {{QStringLiteral("id"), orderId},
         {QStringLiteral("organizationId"), l.organizationId},
         {QStringLiteral("productId"), m_estate.catalogue().products()[v.product].productId},
         {QStringLiteral("quantity"), quantity},
         {QStringLiteral("dimensions"), dimensions}});
    // Not enough to promise: the channel refuses the order, as Commerce would.
    if (result.response.value(QLatin1String("statusCode")).toInt() == 200)
        m_orders.append({orderId, result.response.value(QLatin1String("reservationId")).toString(), variant,
                         location, quantity});
}

void TrafficSimulator::release(Order &order, int quantity, const char *why)
{
    order.quantity -= quantity;
    if (!m_reservations) {
        m_estate.add(order.variant, order.location, IvSoftReservPhysical, -quantity);
        return;
    }
    m_reservations->unreserve(
        {{QStringLiteral("id"),
          QStringLiteral("%1-%2-%3").arg(order.orderId, QLatin1String(why)).arg(++m_events)},
         {QStringLiteral("reservationId"), order.reservationId},
         {QStringLiteral("OffsetQty"), quantity}});
}

// Online orders (soft reservations), edits, cancellations, fulfilment and returns.
void TrafficSimulator::orderActivity(const QList<int> &stores)
{
    for (int placed = m_random.bounded(3); placed > 0; --placed)
        placeOrder(pickVariant(), stores[m_random.bounded(int(stores.size()))], 1 + m_random.bounded(2));
    while (m_orders.size() > kMaxOpenOrders || (!m_orders.isEmpty() && m_random.bounded(3) == 0)) {
        // Fulfilment: the reserved units leave the store.
        Order order = m_orders.takeFirst();
        post("fulfilment", order.variant, order.location, PosOutbound, order.quantity);
        release(order, order.quantity, "fulfil");
    }
    if (!m_orders.isEmpty() && m_random.bounded(6) == 0) {
        const int index = m_random.bounded(int(m_orders.size()));
        Order &order = m_orders[index];
        if (order.quantity > 1 && m_random.bounded(2) == 0) {
            release(order, 1, "edit"); // a line reduced by one
        } else {
            release(order, order.quantity, "cancel");
            m_orders.removeAt(index);
        }
    }
    if (m_random.bounded(8) == 0) // a customer return lands back in a store
        post("pos-return", pickVariant(), stores[m_random.bounded(int(stores.size()))], PosInbound, 1);
}

} // namespace ivemu
