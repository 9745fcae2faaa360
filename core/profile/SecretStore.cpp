#include "profile/SecretStore.h"

#include "common/Logging.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace ivcore {

namespace {

SecretResult resultOf(const QKeychain::Job &job)
{
    SecretResult result;
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = SecretStatus::Ok;
        return result;
    case QKeychain::EntryNotFound:
        result.status = SecretStatus::NotFound;
        result.message = QStringLiteral("No secret is stored for this profile yet.");
        return result;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = SecretStatus::Denied;
        result.message =
            QStringLiteral("Access to the keychain was refused. Unlock the keychain and try again.");
        return result;
    case QKeychain::NoBackendAvailable:
        result.status = SecretStatus::Unavailable;
        break;
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
        // Without a session bus QtKeychain 0.13 reports OtherError, not NoBackendAvailable.
        result.status = job.errorString().contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)
                            ? SecretStatus::Unavailable
                            : SecretStatus::Failed;
        break;
    }
    result.message = result.status == SecretStatus::Unavailable
                         ? QStringLiteral("No keychain is available (%1). Start a Secret Service such as "
                                          "GNOME Keyring or KWallet, then try again.")
                               .arg(job.errorString())
                         : QStringLiteral("The keychain reported an error: %1").arg(job.errorString());
    return result;
}

template <typename JobType>
void runJob(JobType *job, QObject *context, SecretStore::Callback done, bool withSecret)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text fallback
    QObject::connect(
        job, &QKeychain::Job::finished, job,
        [guard = QPointer<QObject>(context), done = std::move(done), withSecret](QKeychain::Job *j) {
            SecretResult result = resultOf(*j);
            if constexpr (std::is_same_v<JobType, QKeychain::ReadPasswordJob>) {
                if (withSecret && result.status == SecretStatus::Ok)
                    result.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
            }
            if (result.status != SecretStatus::Ok && result.status != SecretStatus::NotFound)
                qCWarning(lcSecrets).noquote() << result.message;
            if (guard)
                done(result);
        });
    job->start();
}

} // namespace

SecretStore::SecretStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

void SecretStore::write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    runJob(job, context, std::move(done), false);
}

void SecretStore::read(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    runJob(job, context, std::move(done), true);
}

void SecretStore::remove(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    runJob(job, context, std::move(done), false);
}

} // namespace ivcore
