#include "ivemu/Estate.h"

#include <QRandomGenerator>

namespace ivemu {

namespace {

// siteId = region (1 Washington, 2 Oregon, 3 California); locationId = warehouse.
struct LocationSeed
{
    const char *storeId, *name, *siteId, *locationId;
};
constexpr LocationSeed kLocations[] = {
    {"S-001", "Seattle Downtown", "1", "S001"},
    {"S-002", "Tacoma Mall", "1", "S002"},
    {"S-003", "Bellevue Square", "1", "S003"},
    {"S-004", "Spokane Valley", "1", "S004"},
    {"S-005", "Portland Pearl District", "2", "S005"},
    {"S-006", "Eugene Oakway", "2", "S006"},
    {"S-007", "Salem Center", "2", "S007"},
    {"S-008", "San Francisco Union Square", "3", "S008"},
    {"S-009", "Oakland Jack London", "3", "S009"},
    {"S-010", "San Jose Santana Row", "3", "S010"},
    {"S-011", "Sacramento Arden", "3", "S011"},
    {"S-012", "Los Angeles Grove", "3", "S012"},
    {"DC-01", "Renton", "1", "DC01"},
    {"DC-02", "Portland", "2", "DC02"},
};

// Items in a remarkable state everywhere, so every screen state shows at once.
const QStringList kOutOfStock{QStringLiteral("0141"), QStringLiteral("0188"), QStringLiteral("0262"),
                              QStringLiteral("0305")};
const QStringList kNegative{QStringLiteral("0233"), QStringLiteral("0119"), QStringLiteral("0350")};
const QStringList kOverstocked{QStringLiteral("0106"), QStringLiteral("0284"), QStringLiteral("0371")};

} // namespace

// Further cities for larger estates: a store is "<city> <n>", a distribution centre "<city>".
constexpr const char *kCities[] = {
    "Boise",          "Reno",        "Fresno",      "Spokane",   "Phoenix",       "Tucson",   "Denver",
    "Salt Lake City", "Las Vegas",   "Albuquerque", "Bend",      "Yakima",        "Olympia",  "Santa Rosa",
    "Modesto",        "Bakersfield", "Riverside",   "San Diego", "Santa Barbara", "Anchorage"};

Estate::Estate(quint32 seed, int storeCount, int productCount) : m_catalogue(productCount)
{
    storeCount = qBound(1, storeCount, kMaxStores);
    const auto append = [this](const QString &storeId, const QString &name, const QString &siteId, bool dc) {
        QString locationId = storeId;
        m_locations.append({organizationId(), storeId, name, siteId, locationId.remove(u'-'), dc});
    };
    // The twelve demo stores first, then generated ones; distribution centres last.
    for (int s = 0; s < storeCount; ++s) {
        if (s < kDemoStores) {
            const LocationSeed &l = kLocations[s];
            append(QLatin1String(l.storeId), QLatin1String(l.name), QLatin1String(l.siteId), false);
            continue;
        }
        const int k = s - kDemoStores;
        const int city = k % int(std::size(kCities));
        append(QStringLiteral("S-%1").arg(s + 1, 3, 10, QLatin1Char('0')),
               QStringLiteral("%1 %2").arg(QLatin1String(kCities[city])).arg(1 + k / int(std::size(kCities))),
               QString::number(4 + city % 6), false);
    }
    const int centres = qMax(2, (storeCount + 5) / 6);
    for (int d = 0; d < centres; ++d) {
        if (d < 2) {
            const LocationSeed &l = kLocations[kDemoStores + d];
            append(QLatin1String(l.storeId), QLatin1String(l.name), QLatin1String(l.siteId), true);
            continue;
        }
        const int city = (d - 2) % int(std::size(kCities));
        append(QStringLiteral("DC-%1").arg(d + 1, 2, 10, QLatin1Char('0')), QLatin1String(kCities[city]),
               QString::number(4 + city % 6), true);
    }
    m_quantities.assign(offset(int(m_catalogue.variants().size()), 0), 0);
    this->seed(seed);
}

void Estate::seed(quint32 seed)
{
    QRandomGenerator random(seed);
    const auto &products = m_catalogue.products();
    for (int v = 0; v < m_catalogue.variants().size(); ++v) {
        const QString &productId = products[m_catalogue.variants()[v].product].productId;
        for (int l = 0; l < m_locations.size(); ++l) {
            const auto set = [&](Physical m, int value) {
                add(v, l, m, value);
            };
            if (m_locations[l].isDistributionCentre) {
                set(FnoPhysicalInvent, 80 + random.bounded(520));
                set(FnoReservPhysical, random.bounded(20));
                set(FnoOrdered, random.bounded(4) == 0 ? 48 * (1 + random.bounded(4)) : 0);
                set(FnoOnOrder, random.bounded(30));
            } else if (kOutOfStock.contains(productId)) {
                set(FnoOrdered, random.bounded(2) * 6); // a replenishment may be on its way
            } else {
                const bool overstocked = kOverstocked.contains(productId);
                // Most variants hold a few; one in twenty is nearly sold out.
                const int stock = overstocked               ? 40 + random.bounded(40)
                                  : random.bounded(20) == 0 ? random.bounded(2)
                                                            : 2 + random.bounded(9);
                set(FnoPhysicalInvent, stock);
                set(FnoReservPhysical, stock > 0 && random.bounded(6) == 0 ? 1 : 0);
                set(FnoOrdered, random.bounded(5) == 0 ? 6 : 0);
                set(FnoOnOrder, random.bounded(10) == 0 ? 1 : 0);
                set(PosInbound, random.bounded(8) == 0 ? 6 : 0);
                // Sales since the last SCM sync; negative items sold more than they held.
                const int onHand = stock + int(cell(v, l)[PosInbound]);
                const int sold = kNegative.contains(productId) ? onHand + 1 + random.bounded(2)
                                                               : qMin(onHand, random.bounded(3));
                set(PosOutbound, sold);
                set(IvSoftReservPhysical, onHand - sold > 1 && random.bounded(8) == 0 ? 1 : 0);
            }
            const auto c = cell(v, l);
            set(FnoAvailPhysical, c[FnoPhysicalInvent] - c[FnoReservPhysical]);
        }
    }
}

int Estate::findLocation(const QString &siteId, const QString &locationId) const
{
    for (int i = 0; i < m_locations.size(); ++i)
        if (m_locations[i].siteId.compare(siteId, Qt::CaseInsensitive) == 0 &&
            m_locations[i].locationId.compare(locationId, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

int Estate::findVariant(int product, const QString &colorId, const QString &sizeId) const
{
    if (product < 0 || product >= m_catalogue.products().size())
        return -1;
    const CatalogueProduct &p = m_catalogue.products()[product];
    for (int v = p.firstVariant; v < p.firstVariant + p.variantCount; ++v) {
        const CatalogueVariant &variant = m_catalogue.variants()[v];
        if (variant.colorId.compare(colorId, Qt::CaseInsensitive) == 0 &&
            variant.sizeId.compare(sizeId, Qt::CaseInsensitive) == 0)
            return v;
    }
    return -1;
}

QList<DemoProduct> Estate::demoProducts() const
{
    QList<DemoProduct> out;
    for (const CatalogueProduct &p : m_catalogue.products()) {
        DemoProduct product{p.productId, p.name, {}, {}};
        for (int v = p.firstVariant; v < p.firstVariant + p.variantCount; ++v) {
            const CatalogueVariant &variant = m_catalogue.variants()[v];
            if (!product.colorIds.contains(variant.colorId))
                product.colorIds.append(variant.colorId);
            if (!product.sizeIds.contains(variant.sizeId))
                product.sizeIds.append(variant.sizeId);
        }
        out.append(product);
    }
    return out;
}

} // namespace ivemu
