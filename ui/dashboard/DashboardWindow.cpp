#include "dashboard/DashboardWindow.h"

#include "auth/TokenProvider.h"
#include "dashboard/LocationTree.h"
#include "dashboard/OnhandFilterProxy.h"
#include "dashboard/OnhandTableModel.h"
#include "monitor/StorePoller.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace ivui {

namespace {

QString clockTime(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
}

} // namespace

DashboardWindow::DashboardWindow(ivcore::Profile profile, ivcore::IvClient *client,
                                 ivcore::TokenProvider *tokens, QWidget *parent)
    : QMainWindow(parent), m_profile(std::move(profile)), m_tokens(tokens),
      m_poller(new ivcore::StorePoller(client, this)), m_model(new OnhandTableModel(this)),
      m_proxy(new OnhandFilterProxy(m_model, this))
{
    setWindowTitle(m_profile.isDemo ? tr("ivdesk — %1 (demo data)").arg(m_profile.name)
                                    : tr("ivdesk — %1").arg(m_profile.name));
    m_model->setProductNames(m_profile.productNames);

    buildToolBar();
    buildCentre();
    buildStatusBar();

    m_poller->setInterval(m_profile.pollInterval);
    connect(m_poller, &ivcore::StorePoller::pollStarted, this, [this](const ivcore::StoreLocation &store) {
        if (!m_lastUpdate.isValid())
            m_tree->setState(store.storeId, LocationState::Loading);
        updateStatus();
    });
    connect(m_poller, &ivcore::StorePoller::snapshotReady, this, &DashboardWindow::onSnapshot);
    connect(m_poller, &ivcore::StorePoller::pollFailed, this, &DashboardWindow::onFailure);
    connect(m_tree, &LocationTree::storeSelected, this, &DashboardWindow::showStore);

    m_statusTimer.setInterval(1000);
    connect(&m_statusTimer, &QTimer::timeout, this, &DashboardWindow::updateStatus);
    m_statusTimer.start();

    m_tree->setStores(m_profile.stores);
    if (!m_profile.stores.isEmpty())
        m_tree->selectStore(m_profile.stores.first().storeId);
    m_poller->start();
    resize(1280, 760);
}

DashboardWindow::~DashboardWindow() = default;

void DashboardWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Dashboard"));
    bar->setObjectName(QStringLiteral("dashboardToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_refreshAction = bar->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Ask Inventory Visibility now (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, [this] { m_poller->refreshNow(); });

    m_pauseAction = bar->addAction(style()->standardIcon(QStyle::SP_MediaPause), tr("Pause"));
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pauseAction->setToolTip(tr("Stop polling; figures will age until you resume (Ctrl+P)"));
    connect(m_pauseAction, &QAction::triggered, this, &DashboardWindow::togglePause);

    bar->addSeparator();
    m_search = new QLineEdit(bar);
    m_search->setPlaceholderText(tr("Search item, name, colour…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search item"));
    m_search->setMaximumWidth(260);
    bar->addWidget(m_search);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateSummary();
    });
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_search, [this] { m_search->setFocus(Qt::ShortcutFocusReason); });
    addAction(find);
}

void DashboardWindow::buildCentre()
{
    auto *splitter = new QSplitter(this);
    m_tree = new LocationTree(splitter);

    auto *right = new QWidget(splitter);
    auto *layout = new QVBoxLayout(right);
    layout->setContentsMargins(8, 8, 8, 0);

    auto *heading = new QHBoxLayout;
    m_title = new QLabel(right);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_freshness = new QLabel(right);
    m_freshness->setObjectName(QStringLiteral("freshnessLabel"));
    m_freshness->setAccessibleName(tr("Freshness of the figures"));
    heading->addWidget(m_title);
    heading->addStretch();
    heading->addWidget(m_freshness);
    layout->addLayout(heading);

    m_summary = new QLabel(right);
    m_summary->setAccessibleName(tr("Summary of the store"));
    layout->addWidget(m_summary);

    // Trouble is said in words, with the age of the figures and a way out.
    m_bannerBox = new QWidget(right);
    m_bannerBox->setAutoFillBackground(true);
    QPalette bannerPalette = m_bannerBox->palette();
    bannerPalette.setColor(QPalette::Window, QColor(220, 150, 20, 60));
    m_bannerBox->setPalette(bannerPalette);
    auto *bannerLayout = new QHBoxLayout(m_bannerBox);
    m_banner = new QLabel(m_bannerBox);
    m_banner->setObjectName(QStringLiteral("problemBanner"));
    m_banner->setWordWrap(true);
    m_banner->setAccessibleName(tr("Connection problem"));
    m_retryButton = new QPushButton(tr("Retry now"), m_bannerBox);
    connect(m_retryButton, &QPushButton::clicked, this, [this] { m_poller->refreshNow(); });
    bannerLayout->addWidget(new QLabel(QStringLiteral("⚠"), m_bannerBox));
    bannerLayout->addWidget(m_banner, 1);
    bannerLayout->addWidget(m_retryButton);
    m_bannerBox->hide();
    layout->addWidget(m_bannerBox);

    m_table = new QTableView(right);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setAccessibleName(tr("On-hand stock"));
    layout->addWidget(m_table, 1);

    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 960});
    setCentralWidget(splitter);

    setTabOrder(m_tree, m_search);
    setTabOrder(m_search, m_table);
}

void DashboardWindow::buildStatusBar()
{
    m_modeLabel = new QLabel(this);
    if (m_profile.isDemo) {
        m_modeLabel->setText(tr(" DEMO DATA "));
        m_modeLabel->setToolTip(
            tr("Figures come from the built-in Inventory Visibility emulator, not a tenant."));
        m_modeLabel->setStyleSheet(
            QStringLiteral("QLabel { background: #7b4bd1; color: white; font-weight: bold; "
                           "border-radius: 3px; }"));
    } else {
        m_modeLabel->setText(m_profile.name);
    }
    m_connectionLabel = new QLabel(this);
    m_nextPollLabel = new QLabel(this);
    m_tokenLabel = new QLabel(this);
    statusBar()->addWidget(m_modeLabel);
    statusBar()->addWidget(m_connectionLabel);
    statusBar()->addWidget(m_nextPollLabel);
    statusBar()->addPermanentWidget(m_tokenLabel);
}

void DashboardWindow::showStore(const ivcore::StoreLocation &store)
{
    m_store = store;
    m_lastUpdate = {};
    m_model->clear(m_profile.groupBy);
    m_problem.reset();
    updateBanner();
    m_title->setText(QStringLiteral("%1 (%2)").arg(store.name, store.storeId));
    m_title->setToolTip(tr("Legal entity %1 · site %2 · warehouse %3")
                            .arg(store.organizationId, store.siteId, store.locationId));
    m_freshness->setText(tr("loading…"));
    m_summary->clear();
    m_poller->setStore(store, m_profile.groupBy);
}

void DashboardWindow::onSnapshot(const ivcore::StoreLocation &store,
                                 std::shared_ptr<const ivcore::Snapshot> snapshot)
{
    if (store.storeId != m_store.storeId)
        return;
    m_lastUpdate = snapshot->fetchedAt;
    m_model->applySnapshot(std::move(snapshot));
    m_tree->setState(store.storeId, LocationState::Live, m_lastUpdate);
    m_problem.reset();
    updateBanner();
    updateSummary();
    updateStatus();
    if (!m_firstDataAnnounced && m_model->rowCount() > 0) {
        m_firstDataAnnounced = true;
        m_table->resizeColumnsToContents();
        emit firstDataShown();
    }
}

void DashboardWindow::onFailure(const ivcore::StoreLocation &store, const ivcore::Problem &problem)
{
    if (store.storeId != m_store.storeId)
        return;
    const bool hasFigures = m_lastUpdate.isValid();
    m_tree->setState(store.storeId, hasFigures ? LocationState::Stale : LocationState::Failed, m_lastUpdate,
                     problem.summary());
    m_problem = problem;
    updateStatus(); // refreshes the banner too
}

void DashboardWindow::updateBanner()
{
    if (!m_problem) {
        m_bannerBox->hide();
        return;
    }
    const QDateTime next = m_poller->nextPollAt();
    const qint64 seconds =
        next.isValid() ? std::max<qint64>(1, QDateTime::currentDateTimeUtc().secsTo(next)) : 0;
    QString text = m_lastUpdate.isValid() ? tr("Figures from %1 — ").arg(clockTime(m_lastUpdate)) : QString();
    text += m_problem->summary();
    if (!m_problem->fix.isEmpty())
        text += QLatin1Char(' ') + m_problem->fix;
    if (m_poller->isPolling())
        text += QLatin1Char(' ') + tr("Retrying now…");
    else if (seconds > 0)
        text += QLatin1Char(' ') + tr("Retrying in %1 s.").arg(seconds);
    m_banner->setText(text);
    m_banner->setToolTip(m_problem->detail);
    m_bannerBox->show();
}

void DashboardWindow::togglePause()
{
    if (m_poller->isPaused()) {
        m_poller->start();
        m_pauseAction->setText(tr("Pause"));
        m_pauseAction->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    } else {
        m_poller->pause();
        m_pauseAction->setText(tr("Resume"));
        m_pauseAction->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    }
    updateStatus();
}

void DashboardWindow::updateSummary()
{
    const int negatives = m_model->negativeCount();
    const int rows = m_model->rowCount();
    QString text = rows == 1 ? tr("1 item variant") : tr("%1 item variants").arg(QLocale().toString(rows));
    if (const int shown = m_proxy->rowCount(); shown != rows)
        text += QStringLiteral(" · ") + tr("%1 shown").arg(QLocale().toString(shown));
    if (negatives > 0)
        text += QStringLiteral(" · ") + tr("⚠ %1 negative").arg(QLocale().toString(negatives));
    m_summary->setText(text);
}

void DashboardWindow::updateStatus()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool failing = m_poller->consecutiveFailures() > 0;
    if (m_lastUpdate.isValid()) {
        const qint64 age = m_lastUpdate.secsTo(now);
        const bool stale =
            failing ||
            age > 3 * std::chrono::duration_cast<std::chrono::seconds>(m_poller->interval()).count();
        m_freshness->setText(
            stale ? tr("◐ stale · figures from %1 (%2 s ago)").arg(clockTime(m_lastUpdate)).arg(age)
                  : tr("● live · updated %1").arg(clockTime(m_lastUpdate)));
    }
    m_connectionLabel->setText(failing ? tr("connection problem") : tr("connected"));
    if (m_poller->isPaused())
        m_nextPollLabel->setText(tr("paused"));
    else if (m_poller->isPolling())
        m_nextPollLabel->setText(tr("asking Inventory Visibility…"));
    else if (const QDateTime next = m_poller->nextPollAt(); next.isValid())
        m_nextPollLabel->setText(tr("next poll in %1 s").arg(std::max<qint64>(0, now.secsTo(next))));
    if (m_problem)
        updateBanner(); // the retry countdown moves
    if (const auto token = m_tokens->currentToken())
        m_tokenLabel->setText(tr("token valid until %1").arg(clockTime(token->expiresAt)));
}

} // namespace ivui
