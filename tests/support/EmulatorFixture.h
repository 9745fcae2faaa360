// A real emulator on loopback for one test, in the test's own thread, with
// traffic off so figures only move when a test says so.
#pragma once

#include "DemoProfile.h"
#include "ivemu/Emulator.h"

#include <QTest>
#include <gtest/gtest.h>
#include <optional>

class EmulatorFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ivemu::EmulatorConfig config;
        config.simulateTraffic = false;
        config.seed = 7;
        const QString error = emulator.start(config);
        ASSERT_TRUE(error.isEmpty()) << error.toStdString();
        info = emulator.info();
        profile = ivdesk::demoProfile(info);
    }

    // Spins the event loop until `result` has a value (or the deadline passes).
    template <typename T> static bool waitFor(const std::optional<T> &result, int timeoutMs = 15000)
    {
        return QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
    }

    ivemu::Emulator emulator;
    ivemu::EmulatorInfo info;
    ivcore::Profile profile;
};
