// The explicit dark look: dark bases, light text, and warnings that stay readable.
#include "common/Theme.h"

#include "dashboard/OnhandTableModel.h"
#include "iv/OnhandParser.h"

#include <QApplication>
#include <QPalette>
#include <cmath>
#include <gtest/gtest.h>

namespace {

double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a) + 0.05;
    const double lb = luminance(b) + 0.05;
    return la > lb ? la / lb : lb / la;
}

} // namespace

TEST(Theme, NamesAreCheckedAndDarkIsReallyDark)
{
    EXPECT_EQ(ivui::themeFromName(QStringLiteral(" Dark ")), ivui::Theme::Dark);
    EXPECT_EQ(ivui::themeFromName(QStringLiteral("light")), ivui::Theme::Light);
    EXPECT_FALSE(ivui::themeFromName(QStringLiteral("midnight")).has_value());

    const QPalette before = QApplication::palette();
    ivui::applyTheme(*qApp, ivui::Theme::Dark);
    const QPalette dark = QApplication::palette();
    EXPECT_LT(dark.color(QPalette::Base).lightness(), 64);
    EXPECT_GE(contrast(dark.color(QPalette::Text), dark.color(QPalette::Base)), 7.0);

    // A negative quantity stays legible on the dark base.
    ivui::OnhandTableModel model;
    model.clear({});
    const auto rows =
        ivcore::parseOnhandResponse(R"([{"productId":"A","quantities":{"iv":{"onhand":-2}}}])").rows;
    model.applySnapshot(std::make_shared<const ivcore::Snapshot>(ivcore::makeSnapshot(rows, {}, {})));
    const QColor negative =
        model.data(model.index(0, model.measureColumnOffset()), Qt::ForegroundRole).value<QColor>();
    EXPECT_GE(contrast(negative, dark.color(QPalette::Base)), 4.5);
    QApplication::setPalette(before);
}
