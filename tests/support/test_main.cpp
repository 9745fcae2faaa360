// GoogleTest entry point that owns a Qt application object, so tests can use
// the event loop (QSignalSpy::wait, QTest::qWaitFor) exactly as the product does.
#include <gtest/gtest.h>

#ifdef IVDESK_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char **argv)
{
#ifdef IVDESK_TEST_GUI
    // GUI tests never need a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    TestApplication app(argc, argv);
    TestApplication::setOrganizationName(QStringLiteral("ivdesk-tests"));
    TestApplication::setApplicationName(QStringLiteral("ivdesk-tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
