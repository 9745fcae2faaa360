// The store manager's main window: locations on the left, the selected
// store's on-hand on the right, freshness always in view.
#pragma once

#include "common/Problem.h"
#include "monitor/Snapshot.h"
#include "profile/Profile.h"

#include <QDateTime>
#include <QMainWindow>
#include <QTimer>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QAction;

namespace ivcore {
class IvClient;
class StorePoller;
class TokenProvider;
} // namespace ivcore

namespace ivui {

class LocationTree;
class OnhandFilterProxy;
class OnhandTableModel;

class DashboardWindow : public QMainWindow
{
    Q_OBJECT
public:
    DashboardWindow(ivcore::Profile profile, ivcore::IvClient *client, ivcore::TokenProvider *tokens,
                    QWidget *parent = nullptr);
    ~DashboardWindow() override;

    OnhandTableModel *tableModel() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    ivcore::StorePoller *poller() const { return m_poller; }

signals:
    // The first figures of a store are on screen (used by --screenshot and tests).
    void firstDataShown();

private:
    void buildToolBar();
    void buildCentre();
    void buildStatusBar();
    void showStore(const ivcore::StoreLocation &store);
    void onSnapshot(const ivcore::StoreLocation &store, std::shared_ptr<const ivcore::Snapshot> snapshot);
    void onFailure(const ivcore::StoreLocation &store, const ivcore::Problem &problem);
    void togglePause();
    void updateStatus();
    void updateSummary();
    void updateBanner();

    ivcore::Profile m_profile;
    ivcore::TokenProvider *m_tokens;
    ivcore::StorePoller *m_poller;
    OnhandTableModel *m_model;
    OnhandFilterProxy *m_proxy;
    ivcore::StoreLocation m_store;
    QDateTime m_lastUpdate;                   // of the store shown
    std::optional<ivcore::Problem> m_problem; // why the last poll failed, until one succeeds
    bool m_firstDataAnnounced = false;

    LocationTree *m_tree = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_freshness = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_banner = nullptr;
    QPushButton *m_retryButton = nullptr;
    QWidget *m_bannerBox = nullptr;
    QLineEdit *m_search = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QLabel *m_modeLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_nextPollLabel = nullptr;
    QLabel *m_tokenLabel = nullptr;
    QTimer m_statusTimer;
};

} // namespace ivui
