#pragma once

#include <QByteArray>
#include <QString>

#include <random>

namespace bt::test {

// What a mutant had done to it (PdfMutator::mutate).
enum class PdfMutation {
    BitFlips,        // 1-32 random bits flipped anywhere between the header and %%EOF
    RemoveObject,    // one "N 0 obj ... endobj" cut out (the xref offsets after it go wrong)
    DuplicateObject, // one object written twice in a row
    Truncate,        // cut at a random offset (refused as truncated: no %%EOF)
    TruncateWithEof, // cut, then "%%EOF" appended so the trailer check passes and PDFium repairs
    BrokenMediaBox,  // negative, zero, NaN-like, 1e30, unterminated, 200 000 numbers, a reference
    // A /Pages node whose /Kids holds itself (with /Count one too many, as
    // ../shared/badinput/page-tree-loop.pdf), or a page turned into a node over its parent.
    LoopingPageTree,
    SwappedXref,    // two cross-reference entries (offsets) swapped
    GarbageContent, // a stream's data replaced by random bytes or by random drawing operators
};
constexpr int kPdfMutationCount = 9;

QString mutationName(PdfMutation mutation);

// A damaged copy of a PDF and what was done to it (one line, for failure messages).
struct PdfMutant {
    QByteArray bytes;
    PdfMutation mutation = PdfMutation::BitFlips;
    QString description;
};

// Seeded mutations of a PDF for the fuzz test: the same seed and input always give the same
// mutant, so a failure is reproduced from the seed it prints. Works on the bytes (no PDF parser):
// objects are found by their "N 0 obj" / "endobj" keywords, which is how QPdfWriter writes them.
class PdfMutator {
public:
    explicit PdfMutator(quint32 seed);

    quint32 seed() const { return m_seed; }
    // A mutation chosen by the seed.
    PdfMutant mutate(const QByteArray &pdf);
    PdfMutant mutate(const QByteArray &pdf, PdfMutation mutation);

private:
    int uniform(int low, int high); // inclusive
    QByteArray bitFlips(const QByteArray &pdf, QString *what);
    QByteArray removeObject(const QByteArray &pdf, QString *what);
    QByteArray duplicateObject(const QByteArray &pdf, QString *what);
    QByteArray truncate(const QByteArray &pdf, bool appendEof, QString *what);
    QByteArray brokenMediaBox(const QByteArray &pdf, QString *what);
    QByteArray loopingPageTree(const QByteArray &pdf, QString *what);
    QByteArray swappedXref(const QByteArray &pdf, QString *what);
    QByteArray garbageContent(const QByteArray &pdf, QString *what);

    quint32 m_seed;
    std::mt19937 m_rng;
};

} // namespace bt::test
