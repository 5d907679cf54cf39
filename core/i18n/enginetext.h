#pragma once

#include <QString>

namespace bt {

// The engine's user-visible texts (sheet and job summaries, error messages, the PDF report) are
// English in the code and translated by the translators the process installed: the window
// installs its language's (ui/guiapplication.cpp), the command line and the server install none,
// so what they print and write stays English. The texts live in translations/*.ts under the
// contexts bt::Summary, bt::Document, bt::Pipeline, bt::Report, ...
//
// lupdate finds a text by the form of the call, so context and text are literals there:
//   EngineText::translate("bt::Summary", "%n change(s)", nullptr, n)
// (or the text is marked with QT_TRANSLATE_NOOP("bt::Summary", "...") where it is defined).
struct EngineText {
    // QCoreApplication::translate, plus English plurals where nothing translates a %n text (no
    // translator installed, as on the command line): "(s)" is dropped for 1 and is "s" otherwise,
    // "%n change(s)" -> "1 change" / "2 changes". Inside an EnglishTexts scope: always English.
    static QString translate(const char *context, const char *sourceText,
                             const char *disambiguation = nullptr, int n = -1);
    // The English text: the source with the English plural for n.
    static QString english(const char *sourceText, int n = -1);
};

// In which language a text the engine builds comes out.
enum class TextLanguage {
    Installed, // the installed translators' (the window's language; English where none is installed)
    English,   // always English: what the history, the result JSON and the server keep
};

// While one lives, EngineText::translate gives English on this thread whatever is installed.
class EnglishTexts {
public:
    EnglishTexts();
    ~EnglishTexts();
    EnglishTexts(const EnglishTexts &) = delete;
    EnglishTexts &operator=(const EnglishTexts &) = delete;

private:
    bool m_previous;
};

} // namespace bt
