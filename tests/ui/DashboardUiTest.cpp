// The dashboard offscreen against the threaded demo emulator, as the app runs
// it: data arrives, changed cells are marked, and a screenshot is written into
// the build tree (never into docs/; scripts/refresh-screenshots.sh does that).
#include "DemoLauncher.h"
#include "DemoProfile.h"
#include "dashboard/DashboardWindow.h"
#include "dashboard/OnhandFilterProxy.h"
#include "dashboard/OnhandTableModel.h"
#include "iv/Connection.h"
#include "iv/OnhandParser.h"
#include "ivemu/Emulator.h"
#include "monitor/StorePoller.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

namespace {

QString outputPath(const QString &name)
{
    const QString dir = QStringLiteral(IVDESK_TEST_OUTPUT_DIR);
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

bool anyCellChanged(const ivui::OnhandTableModel &model)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = model.measureColumnOffset(); column < model.columnCount(); ++column) {
            if (model.data(model.index(row, column), ivui::OnhandTableModel::ChangeDirectionRole).toInt() !=
                0)
                return true;
        }
    }
    return false;
}

} // namespace

TEST(DashboardUi, ShowsLiveDemoDataMarksChangesAndRendersAScreenshot)
{
    ivdesk::DemoLauncher demo;
    demo.start(42);
    ASSERT_TRUE(QTest::qWaitFor([&] { return demo.window() != nullptr; }, 15000))
        << "the emulator did not start";
    ivui::DashboardWindow *window = demo.window();
    QAbstractItemModelTester tester(window->tableModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);

    QSignalSpy firstData(window, &ivui::DashboardWindow::firstDataShown);
    ASSERT_TRUE(firstData.count() > 0 || firstData.wait(20000)) << "no data reached the table";
    EXPECT_GT(window->tableModel()->rowCount(), 100);

    // The simulator sells every second and the demo polls every 3 s.
    EXPECT_TRUE(QTest::qWaitFor([&] { return anyCellChanged(*window->tableModel()); }, 20000))
        << "no cell was marked as changed after several polls";

    const QString path = outputPath(QStringLiteral("dashboard-demo.png"));
    QFile::remove(path);
    ASSERT_TRUE(window->grab().save(path));
    const QImage image(path);
    EXPECT_GE(image.width(), 800);
    EXPECT_GE(image.height(), 500);
}

TEST(DashboardUi, TheTableSortsOnRawValues)
{
    ivdesk::DemoLauncher demo;
    demo.start(42);
    ASSERT_TRUE(QTest::qWaitFor([&] { return demo.window() != nullptr; }, 15000));
    QSignalSpy firstData(demo.window(), &ivui::DashboardWindow::firstDataShown);
    ASSERT_TRUE(firstData.wait(20000));
    QTableView *table = demo.window()->tableView();
    const int onHand = demo.window()->tableModel()->measureColumnOffset();
    table->sortByColumn(onHand, Qt::AscendingOrder);
    double previous = -1e301;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const double value =
            table->model()->index(row, onHand).data(ivui::OnhandTableModel::SortRole).toDouble();
        ASSERT_GE(value, previous) << "row " << row;
        previous = value;
    }
}

TEST(DashboardUi, SearchFindsAnItemAndNegativeStockCarriesAWarning)
{
    ivdesk::DemoLauncher demo;
    demo.start(42);
    ASSERT_TRUE(QTest::qWaitFor([&] { return demo.window() != nullptr; }, 15000));
    ivui::DashboardWindow *window = demo.window();
    QSignalSpy firstData(window, &ivui::DashboardWindow::firstDataShown);
    ASSERT_TRUE(firstData.wait(20000));

    // 0233 is the demo's trail shoe that is negative at every store.
    auto *search = window->findChild<QLineEdit *>();
    ASSERT_NE(search, nullptr);
    QTest::keyClicks(search, QStringLiteral("0233"));
    QAbstractItemModel *shown = window->tableView()->model();
    ASSERT_GT(shown->rowCount(), 0);
    const int onHand = window->tableModel()->measureColumnOffset();
    int negatives = 0;
    for (int row = 0; row < shown->rowCount(); ++row) {
        EXPECT_EQ(shown->index(row, 0).data().toString(), QStringLiteral("0233"));
        const QModelIndex cell = shown->index(row, onHand);
        if (cell.data(ivui::OnhandTableModel::SortRole).toDouble() < 0) {
            ++negatives;
            EXPECT_FALSE(cell.data(Qt::DecorationRole).value<QIcon>().isNull())
                << "colour is never the only signal";
            EXPECT_TRUE(cell.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("negative")));
        }
    }
    EXPECT_GT(negatives, 0);

    // Typing a quantity finds nothing: only descriptive columns are searched.
    search->setText(QStringLiteral("zzz-no-such-item"));
    EXPECT_EQ(shown->rowCount(), 0);
    search->setText(QStringLiteral("0233"));
    QTest::qWait(200); // let pending layout requests run before the picture
    ASSERT_TRUE(window->grab().save(outputPath(QStringLiteral("dashboard-search-negative.png"))));
}

TEST(DashboardUi, WhenTheServiceGoesAwayFiguresStayAndSayHowOldTheyAre)
{
    ivemu::Emulator emulator;
    ivemu::EmulatorConfig config;
    config.simulateTraffic = false;
    ASSERT_TRUE(emulator.start(config).isEmpty());
    ivcore::Profile profile = ivdesk::demoProfile(emulator.info());
    profile.pollInterval = std::chrono::seconds(1);
    ivcore::Connection connection(profile, emulator.info().credentials.clientSecret);
    ivui::DashboardWindow window(profile, connection.iv(), connection.tokens());
    window.show();
    QSignalSpy firstData(&window, &ivui::DashboardWindow::firstDataShown);
    ASSERT_TRUE(firstData.wait(20000));
    const int rows = window.tableModel()->rowCount();

    emulator.stop(); // the next poll meets a refused connection
    QSignalSpy failed(window.poller(), &ivcore::StorePoller::pollFailed);
    ASSERT_TRUE(failed.wait(10000));
    QTest::qWait(100);

    EXPECT_EQ(window.tableModel()->rowCount(), rows) << "old figures stay on screen";
    QLabel *banner = window.findChild<QLabel *>(QStringLiteral("problemBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().startsWith(QStringLiteral("Figures from "))) << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(QStringLiteral("Retrying in"))) << banner->text().toStdString();
    QLabel *freshness = window.findChild<QLabel *>(QStringLiteral("freshnessLabel"));
    ASSERT_NE(freshness, nullptr);
    EXPECT_TRUE(freshness->text().contains(QStringLiteral("stale"))) << freshness->text().toStdString();
    ASSERT_TRUE(window.grab().save(outputPath(QStringLiteral("dashboard-stale.png"))));
}

TEST(DashboardUi, SizesSortInTheirNaturalOrder)
{
    ivui::OnhandTableModel model;
    ivui::OnhandFilterProxy proxy(&model);
    model.clear({QStringLiteral("ColorId"), QStringLiteral("SizeId")});
    const auto rows = ivcore::parseOnhandResponse(R"([
        {"productId":"0101","dimensions":{"ColorId":"Grey","SizeId":"XS"},"quantities":{}},
        {"productId":"0101","dimensions":{"ColorId":"Grey","SizeId":"L"},"quantities":{}},
        {"productId":"0101","dimensions":{"ColorId":"Grey","SizeId":"S"},"quantities":{}},
        {"productId":"0101","dimensions":{"ColorId":"Grey","SizeId":"XL"},"quantities":{}},
        {"productId":"0101","dimensions":{"ColorId":"Grey","SizeId":"M"},"quantities":{}},
        {"productId":"0099","dimensions":{"ColorId":"Black","SizeId":"100"},"quantities":{}},
        {"productId":"0099","dimensions":{"ColorId":"Black","SizeId":"38"},"quantities":{}}])")
                          .rows;
    model.applySnapshot(std::make_shared<const ivcore::Snapshot>(
        ivcore::makeSnapshot(rows, {QStringLiteral("ColorId"), QStringLiteral("SizeId")}, {})));
    proxy.sort(0, Qt::AscendingOrder);
    QStringList sizes;
    for (int row = 0; row < proxy.rowCount(); ++row)
        sizes << proxy.index(row, model.firstDimensionColumn() + 1).data().toString();
    EXPECT_EQ(sizes.join(u','), QStringLiteral("38,100,XS,S,M,L,XL"));
}
