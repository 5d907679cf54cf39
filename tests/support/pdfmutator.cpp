#include "pdfmutator.h"

#include <QList>
#include <QStringList>

#include <algorithm>

namespace bt::test {

namespace {

struct ObjectSpan {
    int number = 0;
    qsizetype begin = 0; // at the object number
    qsizetype end = 0;   // after "endobj" and its line break
};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Every "N G obj ... endobj" of the file, in file order.
QList<ObjectSpan> objects(const QByteArray &pdf) {
    QList<ObjectSpan> list;
    qsizetype from = 0;
    for (;;) {
        const qsizetype obj = pdf.indexOf(" obj", from);
        if (obj < 0) break;
        from = obj + 4;
        qsizetype i = obj - 1;
        while (i >= 0 && isDigit(pdf[i])) // generation
            --i;
        if (i == obj - 1 || i < 0 || pdf[i] != ' ') continue;
        const qsizetype numberEnd = i;
        --i;
        while (i >= 0 && isDigit(pdf[i]))
            --i;
        if (i == numberEnd - 1 || (i >= 0 && !isSpace(pdf[i]))) continue;
        qsizetype end = pdf.indexOf("endobj", obj);
        if (end < 0) break;
        end += 6;
        while (end < pdf.size() && (pdf[end] == '\r' || pdf[end] == '\n'))
            ++end;
        list.append(ObjectSpan{pdf.mid(i + 1, numberEnd - i - 1).toInt(), i + 1, end});
        from = end;
    }
    return list;
}

QByteArray ref(int number) {
    return QByteArray::number(number) + " 0 R";
}

// "/Type /Page" but not "/Type /Pages".
qsizetype findPageType(const QByteArray &pdf, qsizetype from, qsizetype to) {
    for (qsizetype at = pdf.indexOf("/Type /Page", from); at >= 0 && at < to;
         at = pdf.indexOf("/Type /Page", at + 1))
        if (at + 11 >= pdf.size() || pdf[at + 11] != 's') return at;
    return -1;
}

} // namespace

QString mutationName(PdfMutation mutation) {
    static const char *const names[kPdfMutationCount] = {
        "bit-flips",    "remove-object",  "duplicate-object", "truncate",       "truncate-with-eof",
        "bad-mediabox", "page-tree-loop", "swapped-xref",     "garbage-content"};
    return QString::fromLatin1(names[int(mutation)]);
}

PdfMutator::PdfMutator(quint32 seed)
    : m_seed(seed)
    , m_rng(seed) {}

int PdfMutator::uniform(int low, int high) {
    return std::uniform_int_distribution<int>(low, std::max(low, high))(m_rng);
}

PdfMutant PdfMutator::mutate(const QByteArray &pdf) {
    return mutate(pdf, PdfMutation(uniform(0, kPdfMutationCount - 1)));
}

PdfMutant PdfMutator::mutate(const QByteArray &pdf, PdfMutation mutation) {
    PdfMutant out;
    out.mutation = mutation;
    QString what;
    switch (mutation) {
    case PdfMutation::BitFlips:
        out.bytes = bitFlips(pdf, &what);
        break;
    case PdfMutation::RemoveObject:
        out.bytes = removeObject(pdf, &what);
        break;
    case PdfMutation::DuplicateObject:
        out.bytes = duplicateObject(pdf, &what);
        break;
    case PdfMutation::Truncate:
        out.bytes = truncate(pdf, false, &what);
        break;
    case PdfMutation::TruncateWithEof:
        out.bytes = truncate(pdf, true, &what);
        break;
    case PdfMutation::BrokenMediaBox:
        out.bytes = brokenMediaBox(pdf, &what);
        break;
    case PdfMutation::LoopingPageTree:
        out.bytes = loopingPageTree(pdf, &what);
        break;
    case PdfMutation::SwappedXref:
        out.bytes = swappedXref(pdf, &what);
        break;
    case PdfMutation::GarbageContent:
        out.bytes = garbageContent(pdf, &what);
        break;
    }
    out.description = QStringLiteral("seed %1 %2: %3").arg(m_seed).arg(mutationName(mutation), what);
    return out;
}

// Past "%PDF-1.x" and before the final "%%EOF": those two are what Document checks first, and
// flips there only test that check; the body is where PDFium's parser is.
QByteArray PdfMutator::bitFlips(const QByteArray &pdf, QString *what) {
    QByteArray out = pdf;
    const int count = uniform(1, 32);
    QStringList at;
    for (int i = 0; i < count; ++i) {
        const int pos = uniform(9, int(out.size()) - 8);
        const int bit = uniform(0, 7);
        out[pos] = char(out[pos] ^ (1 << bit));
        at << QStringLiteral("%1.%2").arg(pos).arg(bit);
    }
    *what = QStringLiteral("%1 flips at %2").arg(count).arg(at.join(QLatin1Char(' ')));
    return out;
}

QByteArray PdfMutator::removeObject(const QByteArray &pdf, QString *what) {
    const QList<ObjectSpan> objs = objects(pdf);
    if (objs.isEmpty()) return bitFlips(pdf, what);
    const ObjectSpan o = objs[uniform(0, int(objs.size()) - 1)];
    *what = QStringLiteral("object %1 removed (bytes %2-%3)").arg(o.number).arg(o.begin).arg(o.end);
    QByteArray out = pdf;
    return out.remove(o.begin, o.end - o.begin);
}

QByteArray PdfMutator::duplicateObject(const QByteArray &pdf, QString *what) {
    const QList<ObjectSpan> objs = objects(pdf);
    if (objs.isEmpty()) return bitFlips(pdf, what);
    const ObjectSpan o = objs[uniform(0, int(objs.size()) - 1)];
    const int copies = uniform(1, 3);
    *what = QStringLiteral("object %1 written %2 more time(s)").arg(o.number).arg(copies);
    QByteArray out = pdf;
    return out.insert(o.end, pdf.mid(o.begin, o.end - o.begin).repeated(copies));
}

QByteArray PdfMutator::truncate(const QByteArray &pdf, bool appendEof, QString *what) {
    const int at = uniform(16, int(pdf.size()) - 8);
    *what = QStringLiteral("cut at %1 of %2").arg(at).arg(pdf.size());
    QByteArray out = pdf.left(at);
    if (appendEof) out += "\n%%EOF\n";
    return out;
}

QByteArray PdfMutator::brokenMediaBox(const QByteArray &pdf, QString *what) {
    QList<qsizetype> boxes;
    for (qsizetype at = pdf.indexOf("/MediaBox"); at >= 0; at = pdf.indexOf("/MediaBox", at + 1))
        boxes.append(at + 9);
    if (boxes.isEmpty()) return bitFlips(pdf, what);
    QByteArray numbers("[0 0 2592 1728");
    for (int i = 0; i < 200'000; ++i)
        numbers += ' ' + QByteArray::number(i % 977);
    numbers += ']';
    const QList<QByteArray> variants = {" [0 0 -2592 -1728]",
                                        " [0 0 0 0]",
                                        " [0 0 NaN nan]",
                                        " [0 0 inf -inf]",
                                        " [0 0 1e30 1e30]",
                                        " [-1e30 -1e30 1e30 1e30]",
                                        " [0 0 99999999999999999999999999 1728]",
                                        " [0 0 2592 1]",
                                        " [0 0 0.001 0.001]",
                                        " [0 0 2592",
                                        " []",
                                        " [0 0 (A) /B]",
                                        " 99999 0 R",
                                        ' ' + numbers};
    const int variant = uniform(0, int(variants.size()) - 1);
    const bool all = uniform(0, 2) == 0;
    const int only = uniform(0, int(boxes.size()) - 1);
    QByteArray out = pdf;
    int changed = 0;
    // From the last, so earlier offsets stay valid.
    for (qsizetype i = boxes.size() - 1; i >= 0; --i) {
        if (!all && i != only) continue;
        const qsizetype close = out.indexOf(']', boxes[i]);
        if (close < 0) continue;
        out.replace(boxes[i], close + 1 - boxes[i], variants[variant]);
        ++changed;
    }
    *what = QStringLiteral("%1 of %2 MediaBox(es) set to %3")
                .arg(changed)
                .arg(boxes.size())
                .arg(variant == int(variants.size()) - 1 ? QStringLiteral("200000 numbers")
                                                         : QString::fromLatin1(variants[variant].trimmed()));
    return out;
}

QByteArray PdfMutator::loopingPageTree(const QByteArray &pdf, QString *what) {
    const QList<ObjectSpan> objs = objects(pdf);
    const auto node = std::find_if(objs.cbegin(), objs.cend(), [&](const ObjectSpan &o) {
        return pdf.mid(o.begin, o.end - o.begin).contains("/Type /Pages");
    });
    if (node == objs.cend()) return bitFlips(pdf, what);
    QByteArray out = pdf;
    const qsizetype kids = out.indexOf("/Kids", node->begin);
    const qsizetype open = kids >= 0 ? out.indexOf('[', kids) : -1;
    const qsizetype close = open >= 0 ? out.indexOf(']', open) : -1;
    if (close < 0 || close > node->end) return bitFlips(pdf, what);
    const int variant = uniform(0, 4);
    const qsizetype count = out.indexOf("/Count", node->begin);
    if (variant == 4 && count >= 0 && count < node->end) {
        // As ../shared/badinput/page-tree-loop.pdf: itself as the first kid and one page more
        // counted than there are, so PDFium looks for the missing page in the loop (and spins).
        qsizetype digits = count + 6;
        while (digits < out.size() && isSpace(out[digits]))
            ++digits;
        qsizetype end = digits;
        while (end < out.size() && isDigit(out[end]))
            ++end;
        const int pages = out.mid(digits, end - digits).toInt();
        out.replace(digits, end - digits, QByteArray::number(pages + 1));
        out.insert(open + 1, ref(node->number) + ' ');
        *what = QStringLiteral("pages node %1 first in its own /Kids, /Count %2 -> %3")
                    .arg(node->number)
                    .arg(pages)
                    .arg(pages + 1);
    } else if (variant == 0) {
        out.replace(open, close + 1 - open, '[' + ref(node->number) + ']');
        *what = QStringLiteral("/Kids of pages node %1 = [itself]").arg(node->number);
    } else if (variant == 1) {
        out.insert(open + 1, ' ' + ref(node->number) + ' ');
        *what = QStringLiteral("pages node %1 added to its own /Kids").arg(node->number);
    } else if (variant != 4) {
        // A page that is a node whose only kid is its parent: parent -> page -> parent ...
        QList<ObjectSpan> pages;
        for (const ObjectSpan &o : objs)
            if (findPageType(pdf, o.begin, o.end) >= 0) pages.append(o);
        if (pages.isEmpty()) return bitFlips(pdf, what);
        const ObjectSpan page = pages[uniform(0, int(pages.size()) - 1)];
        const qsizetype type = findPageType(out, page.begin, page.end);
        const QByteArray kidCount = variant == 3 ? "2147483647" : "1";
        out.replace(type, 11, "/Type /Pages /Kids [" + ref(node->number) + "] /Count " + kidCount);
        *what = QStringLiteral("page %1 made a pages node with /Kids [its parent %2] /Count %3")
                    .arg(page.number)
                    .arg(node->number)
                    .arg(QString::fromLatin1(kidCount));
    } else {
        return bitFlips(pdf, what);
    }
    return out;
}

QByteArray PdfMutator::swappedXref(const QByteArray &pdf, QString *what) {
    const qsizetype xref = pdf.lastIndexOf("\nxref");
    if (xref < 0) return bitFlips(pdf, what);
    // In-use entries, "0000012345 00000 n", one a line up to the trailer.
    const qsizetype trailer = pdf.indexOf("trailer", xref);
    QList<qsizetype> entries;
    for (qsizetype line = pdf.indexOf('\n', xref + 1) + 1; line > 0 && line < trailer;
         line = pdf.indexOf('\n', line) + 1) {
        const QByteArray entry = pdf.mid(line, 18);
        if (entry.size() == 18 && entry[10] == ' ' && entry[16] == ' ' && entry[17] == 'n')
            entries.append(line);
    }
    if (entries.size() < 2) return bitFlips(pdf, what);
    QByteArray out = pdf;
    const int swaps = uniform(1, 3);
    QStringList done;
    for (int i = 0; i < swaps; ++i) {
        const int a = uniform(0, int(entries.size()) - 1);
        const int b = uniform(0, int(entries.size()) - 1);
        const QByteArray first = out.mid(entries[a], 10);
        out.replace(entries[a], 10, out.mid(entries[b], 10));
        out.replace(entries[b], 10, first);
        done << QStringLiteral("%1<->%2").arg(a + 1).arg(b + 1);
    }
    *what = QStringLiteral("xref entries swapped %1").arg(done.join(QLatin1Char(' ')));
    return out;
}

QByteArray PdfMutator::garbageContent(const QByteArray &pdf, QString *what) {
    QList<QPair<qsizetype, qsizetype>> streams; // data begin, end
    for (qsizetype at = pdf.indexOf("stream"); at >= 0; at = pdf.indexOf("stream", at + 6)) {
        if (at >= 3 && pdf.mid(at - 3, 3) == "end") continue;
        qsizetype begin = at + 6;
        if (begin < pdf.size() && pdf[begin] == '\r') ++begin;
        if (begin < pdf.size() && pdf[begin] == '\n') ++begin;
        const qsizetype end = pdf.indexOf("endstream", begin);
        if (end < 0) break;
        streams.append({begin, end});
        at = end + 3;
    }
    if (streams.isEmpty()) return bitFlips(pdf, what);
    const auto [begin, end] = streams[uniform(0, int(streams.size()) - 1)];
    QByteArray garbage;
    const bool operators = uniform(0, 1) == 1;
    if (!operators) {
        // Same length: /Length stays right, the filter (Flate here) meets noise.
        garbage.resize(end - begin);
        for (char &c : garbage)
            c = char(uniform(0, 255));
        *what =
            QStringLiteral("stream at %1 (%2 bytes) replaced by random bytes").arg(begin).arg(end - begin);
    } else {
        // Drawing operators with absurd operands, unbalanced q/Q and BT/ET; the /Length and
        // /Filter no longer match, which PDFium must survive too.
        static const char *const ops[] = {"m",  "l",  "c",  "re", "f",  "S",  "B",  "W n", "q",  "Q",
                                          "cm", "BT", "ET", "Tj", "TJ", "Tf", "Td", "Do",  "gs", "sh",
                                          "cs", "sc", "d",  "w",  "[",  "]",  "<<", ">>",  "BI", "ID"};
        const int tokens = uniform(100, 20'000);
        for (int i = 0; i < tokens; ++i) {
            switch (uniform(0, 5)) {
            case 0:
                garbage += QByteArray::number(uniform(-100000, 100000));
                break;
            case 1:
                garbage += "1e30";
                break;
            case 2:
                garbage += "/F" + QByteArray::number(uniform(0, 9));
                break;
            case 3:
                garbage += "(" + QByteArray(uniform(0, 20), 'A') + ")";
                break;
            default:
                garbage += ops[uniform(0, int(std::size(ops)) - 1)];
                break;
            }
            garbage += uniform(0, 9) == 0 ? '\n' : ' ';
        }
        *what = QStringLiteral("stream at %1 (%2 bytes) replaced by %3 random operators (%4 bytes)")
                    .arg(begin)
                    .arg(end - begin)
                    .arg(tokens)
                    .arg(garbage.size());
        garbage += '\n';
    }
    QByteArray out = pdf;
    return out.replace(begin, end - begin, garbage);
}

} // namespace bt::test
