// The demo product catalogue: outdoor-apparel items with colour and size
// variants, 300 by default and up to 2,000 for scale tests. It does not depend
// on the seed, so item numbers and variants are stable; only quantities vary
// with the seed. The first 300 items are the same whatever the count.
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace ivemu {

struct CatalogueProduct
{
    QString productId; // "0140"
    QString name;      // "Shasta rain jacket"
    int firstVariant = 0;
    int variantCount = 0;
};

struct CatalogueVariant
{
    int product = 0;
    QString colorId; // empty for items without variants
    QString sizeId;  // empty for items without sizes
};

class Catalogue
{
public:
    static constexpr int kDemoProducts = 300;
    static constexpr int kMaxProducts = 2000;

    explicit Catalogue(int productCount = kDemoProducts); // clamped to 1..kMaxProducts

    const QList<CatalogueProduct> &products() const { return m_products; }
    const QList<CatalogueVariant> &variants() const { return m_variants; }
    int findProduct(const QString &productId) const { return m_index.value(productId, -1); }

private:
    QList<CatalogueProduct> m_products;
    QList<CatalogueVariant> m_variants;
    QHash<QString, int> m_index;
};

} // namespace ivemu
