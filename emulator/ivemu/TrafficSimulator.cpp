#include "ivemu/TrafficSimulator.h"

#include "ivemu/Estate.h"

namespace ivemu {

TrafficSimulator::TrafficSimulator(Estate &estate, quint32 seed, QObject *parent)
    : QObject(parent), m_estate(estate), m_random(seed ^ 0x5a1e5u)
{
    connect(&m_timer, &QTimer::timeout, this, &TrafficSimulator::tick);
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

void TrafficSimulator::tick()
{
    const auto &locations = m_estate.locations();
    QList<int> stores, centres;
    for (int l = 0; l < locations.size(); ++l)
        (locations[l].isDistributionCentre ? centres : stores).append(l);
    if (stores.isEmpty())
        return;

    // Sales are posted by the stores' POS and never check stock, as in real life.
    for (int sales = 6 + m_random.bounded(7); sales > 0; --sales)
        m_estate.add(pickVariant(), stores[m_random.bounded(int(stores.size()))], PosOutbound,
                     1 + m_random.bounded(3));

    // Every other tick a case arrives: at a store through the POS, or at a
    // distribution centre through SCM.
    if (m_random.bounded(2) == 0) {
        const int variant = pickVariant();
        if (!centres.isEmpty() && m_random.bounded(3) == 0) {
            const int centre = centres[m_random.bounded(int(centres.size()))];
            const int quantity = 24 * (1 + m_random.bounded(4));
            m_estate.add(variant, centre, FnoPhysicalInvent, quantity);
            m_estate.add(variant, centre, FnoAvailPhysical, quantity);
        } else {
            m_estate.add(variant, stores[m_random.bounded(int(stores.size()))], PosInbound,
                         6 * (1 + m_random.bounded(2)));
        }
    }
}

} // namespace ivemu
