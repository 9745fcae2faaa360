// First start without a profile: say what ivdesk is and offer the two ways in.
#pragma once

#include <QWidget>

namespace ivui {

class WelcomeWindow : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomeWindow(QWidget *parent = nullptr);

signals:
    void demoRequested();
};

} // namespace ivui
