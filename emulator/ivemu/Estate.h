// The demo retailer: legal entity usrt, twelve west-coast stores and two
// distribution centres, the catalogue, and the physical quantities of every
// (variant, location) cell in one flat array.
#pragma once

#include "ivemu/Catalogue.h"
#include "ivemu/EmulatorTypes.h"
#include "ivemu/MeasureModel.h"

#include <span>
#include <vector>

namespace ivemu {

class Estate
{
public:
    static constexpr int kDemoStores = 12;
    static constexpr int kMaxStores = 200;

    // The demo estate by default; more stores (with distribution centres in
    // proportion, one per six stores) and products for scale tests.
    explicit Estate(quint32 seed, int storeCount = kDemoStores, int productCount = Catalogue::kDemoProducts);

    static QString organizationId() { return QStringLiteral("usrt"); }
    const Catalogue &catalogue() const { return m_catalogue; }
    const QList<EstateLocation> &locations() const { return m_locations; }
    int findLocation(const QString &siteId, const QString &locationId) const; // -1 if none
    int findVariant(int product, const QString &colorId, const QString &sizeId) const;

    std::span<const qint32> cell(int variant, int location) const
    {
        return {m_quantities.data() + offset(variant, location), std::size_t(PhysicalCount)};
    }
    void add(int variant, int location, Physical measure, qint32 delta)
    {
        m_quantities[offset(variant, location) + std::size_t(measure)] += delta;
    }

    // For EmulatorInfo: item numbers and names are not IV data, but a demo needs them.
    QList<DemoProduct> demoProducts() const;

private:
    std::size_t offset(int variant, int location) const
    {
        return (std::size_t(variant) * std::size_t(m_locations.size()) + std::size_t(location)) *
               PhysicalCount;
    }
    void seed(quint32 seed);

    Catalogue m_catalogue;
    QList<EstateLocation> m_locations;
    std::vector<qint32> m_quantities; // ~1,600 variants x 14 locations x 9 measures
};

} // namespace ivemu
