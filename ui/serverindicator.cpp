#include "serverindicator.h"

#include "sync/syncservice.h"

namespace bt::ui {

ServerIndicator::ServerIndicator(QWidget *parent)
    : QLabel(parent) {
    setObjectName(QStringLiteral("connectionState"));
    hide();
}

void ServerIndicator::setSync(SyncService *sync) {
    m_sync = sync;
    refresh();
}

QString ServerIndicator::connectionText() const {
    if (!m_sync) return {};
    const int waiting = m_sync->queuedOperations();
    QString text;
    switch (m_sync->state()) {
    case ConnectionState::NotConfigured:
        return {};
    case ConnectionState::Connecting:
        text = tr("Server: connecting…");
        break;
    case ConnectionState::Online:
        text = tr("Server: online");
        break;
    case ConnectionState::Offline:
        text = tr("Server: offline, retrying");
        break;
    case ConnectionState::Unauthorized:
        text = tr("Server: token refused");
        break;
    }
    if (waiting > 0) text += QStringLiteral(" · ") + tr("%n waiting to be sent", nullptr, waiting);
    return text;
}

void ServerIndicator::refresh() {
    const QString text = connectionText();
    setText(text);
    setVisible(!text.isEmpty());
    if (!m_sync) return;
    QString tip = m_sync->server().key();
    if (!m_sync->stateMessage().isEmpty()) tip += QLatin1Char('\n') + m_sync->stateMessage();
    if (m_sync->state() == ConnectionState::Unauthorized)
        tip += QLatin1Char('\n') + tr("Check the access token in Settings.");
    setToolTip(tip);
}

} // namespace bt::ui
