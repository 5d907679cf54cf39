#include "enginetext.h"

#include <QCoreApplication>

namespace bt {

namespace {

thread_local bool t_english = false;

} // namespace

QString EngineText::english(const char *sourceText, int n) {
    QString s = QString::fromUtf8(sourceText);
    if (n >= 0) {
        s.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
        s.replace(QLatin1String("%n"), QString::number(n));
    }
    return s;
}

QString EngineText::translate(const char *context, const char *sourceText, const char *disambiguation,
                              int n) {
    if (t_english) return english(sourceText, n);
    const QString text = QCoreApplication::translate(context, sourceText, disambiguation, n);
    // Untranslated, Qt gives the source with %n replaced: "2 change(s)".
    if (n >= 0 && text == QString::fromUtf8(sourceText).replace(QLatin1String("%n"), QString::number(n)))
        return english(sourceText, n);
    return text;
}

EnglishTexts::EnglishTexts()
    : m_previous(t_english) {
    t_english = true;
}

EnglishTexts::~EnglishTexts() {
    t_english = m_previous;
}

} // namespace bt
