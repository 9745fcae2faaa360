// The naming rules Key Vault applies (reference §17, §18), checked before a
// request leaves, so a typo gets a message that names the field and the rule.
#pragma once

#include "common/Problem.h"

#include <QString>
#include <optional>

namespace ivcore {

// Empty when `name` is 1–127 letters, digits and dashes; otherwise the reason.
QString secretNameViolation(const QString &name);

// Empty when `version` is 32 letters or digits (Key Vault's version ids).
QString secretVersionViolation(const QString &version);

// A Configuration problem naming the field, or nullopt when both are valid
// (an empty version means "latest" and is valid).
std::optional<Problem> problemFromSecretName(const QString &name, const QString &version = {});

} // namespace ivcore
