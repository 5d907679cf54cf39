#pragma once

#include <QLabel>
#include <QPointer>

namespace bt {
class SyncService;
}

namespace bt::ui {

// The status bar's job-server state ("Server: online · 2 waiting to be sent"), the server and
// the last network problem in its tooltip; hidden when no server is set up.
class ServerIndicator : public QLabel {
    Q_OBJECT
public:
    explicit ServerIndicator(QWidget *parent = nullptr);

    void setSync(SyncService *sync); // null: no server
    void refresh();
    QString connectionText() const;

private:
    QPointer<SyncService> m_sync;
};

} // namespace bt::ui
