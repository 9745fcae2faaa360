#include "ivemu/Catalogue.h"

#include <QRandomGenerator>

namespace ivemu {

namespace {

enum class Kind
{
    Apparel,
    Shoe,
    ColourOnly,
    Plain
};

struct ProductType
{
    const char *name;
    Kind kind;
    const char *primaryColour; // always present, so well-known rows exist (0140 Navy M)
};

// Item number = 0100 + type * 12 + series: 0140 is a rain jacket, 0233 a trail shoe.
constexpr ProductType kTypes[] = {
    {"fleece jacket", Kind::Apparel, "Grey"},      {"down vest", Kind::Apparel, "Black"},
    {"softshell jacket", Kind::Apparel, "Olive"},  {"rain jacket", Kind::Apparel, "Navy"},
    {"insulated parka", Kind::Apparel, "Red"},     {"merino base layer", Kind::Apparel, "Black"},
    {"flannel shirt", Kind::Apparel, "Red"},       {"hiking pants", Kind::Apparel, "Sand"},
    {"trail shorts", Kind::Apparel, "Olive"},      {"hoodie", Kind::Apparel, "Grey"},
    {"running tee", Kind::Apparel, "Blue"},        {"trail shoe", Kind::Shoe, "Black"},
    {"hiking boot", Kind::Shoe, "Brown"},          {"rain boot", Kind::Shoe, "Forest"},
    {"camp sandal", Kind::Shoe, "Black"},          {"wool socks", Kind::Apparel, "Grey"},
    {"beanie", Kind::ColourOnly, "Navy"},          {"sun hat", Kind::ColourOnly, "Sand"},
    {"daypack 22L", Kind::ColourOnly, "Black"},    {"duffel 40L", Kind::ColourOnly, "Orange"},
    {"water bottle 1L", Kind::ColourOnly, "Blue"}, {"headlamp", Kind::Plain, ""},
    {"trekking poles", Kind::Plain, ""},           {"camp mug", Kind::Plain, ""},
    {"packable umbrella", Kind::Plain, ""},
};
constexpr const char *kSeries[] = {"Cascade", "Olympic", "Rainier", "Sierra",   "Shasta", "Hood",
                                   "Baker",   "Tahoe",   "Whidbey", "Columbia", "Puget",  "Redwood"};
// Beyond the first 300 items each round of 300 is a new edition of the same series.
constexpr const char *kEditions[] = {"", "Pro", "Lite", "Storm", "Summit", "Ridge", "Trail"};
constexpr const char *kColours[] = {"Navy", "Black", "Red",  "Forest", "Grey",
                                    "Sand", "Olive", "Blue", "Orange", "Plum"};
constexpr const char *kApparelSizes[] = {"XS", "S", "M", "L", "XL"};

} // namespace

Catalogue::Catalogue(int productCount)
{
    productCount = qBound(1, productCount, kMaxProducts);
    QRandomGenerator random(0x1cdb527f); // fixed: the catalogue is the same for every seed
    int number = 100;
    for (const char *edition : kEditions)
        for (const ProductType &type : kTypes) {
            for (const char *series : kSeries) {
                if (m_products.size() >= productCount)
                    return;
                CatalogueProduct product;
                product.productId = QStringLiteral("%1").arg(number++, 4, 10, QLatin1Char('0'));
                product.name = QLatin1String(series) + u' ' +
                               (*edition ? QString(QLatin1String(edition) + u' ') : QString()) +
                               QLatin1String(type.name);
                product.firstVariant = int(m_variants.size());

                QStringList colours;
                QStringList sizes;
                if (type.kind != Kind::Plain) {
                    colours.append(QLatin1String(type.primaryColour));
                    const int extra =
                        type.kind == Kind::ColourOnly ? 1 + random.bounded(2) : random.bounded(10) < 4;
                    while (colours.size() < 1 + extra) {
                        const QString colour =
                            QLatin1String(kColours[random.bounded(int(std::size(kColours)))]);
                        if (!colours.contains(colour))
                            colours.append(colour);
                    }
                }
                if (type.kind == Kind::Apparel) {
                    for (int i = random.bounded(2), last = 3 + random.bounded(2); i <= last; ++i)
                        sizes.append(QLatin1String(kApparelSizes[i]));
                } else if (type.kind == Kind::Shoe) {
                    for (int i = 38 + random.bounded(3), last = 44 + random.bounded(3); i <= last; ++i)
                        sizes.append(QString::number(i));
                }
                if (colours.isEmpty())
                    colours.append(QString());
                if (sizes.isEmpty())
                    sizes.append(QString());
                for (const QString &colour : std::as_const(colours))
                    for (const QString &size : std::as_const(sizes))
                        m_variants.append({int(m_products.size()), colour, size});

                product.variantCount = int(m_variants.size()) - product.firstVariant;
                m_index.insert(product.productId, int(m_products.size()));
                m_products.append(product);
            }
        }
}

} // namespace ivemu
