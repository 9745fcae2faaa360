// The ready-made profile of demo mode: it points at the embedded emulator.
#pragma once

#include "ivemu/EmulatorTypes.h"
#include "profile/Profile.h"

namespace ivdesk {

ivcore::Profile demoProfile(const ivemu::EmulatorInfo &emulator);

} // namespace ivdesk
