#include "dashboard/WelcomeWindow.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ivui {

WelcomeWindow::WelcomeWindow(QWidget *parent) : QWidget(parent)
{
    setWindowTitle(tr("Welcome to ivdesk"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(14);

    auto *title = new QLabel(tr("<h2>Welcome to ivdesk</h2>"), this);
    auto *intro =
        new QLabel(tr("Set up Dynamics 365 Inventory Visibility for Commerce, and watch stock per store "
                      "live."),
                   this);
    intro->setWordWrap(true);

    auto *demo = new QPushButton(tr("Explore with demo data"), this);
    demo->setDefault(true);
    demo->setToolTip(
        tr("Starts a built-in Inventory Visibility emulator with a demo retailer; no tenant needed."));
    connect(demo, &QPushButton::clicked, this, &WelcomeWindow::demoRequested);

    auto *setup = new QPushButton(tr("Set up a connection"), this);
    setup->setEnabled(false);
    auto *setupNote = new QLabel(tr("The setup wizard is not part of this build yet; until then ivdesk runs "
                                    "on demo data."),
                                 this);
    setupNote->setWordWrap(true);
    setupNote->setEnabled(false);

    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addWidget(demo);
    layout->addWidget(setup);
    layout->addWidget(setupNote);
    layout->addStretch();
    resize(460, 300);
    demo->setFocus();
}

} // namespace ivui
