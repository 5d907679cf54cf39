#include "revisedsheet.h"

namespace bt::test {

SheetSpec revisedSheet(SheetSpec s, int variant) {
    const QStringList rooms = roomNames(s);
    s.extraNotes << QStringLiteral("VERIFY ALL DIMENSIONS IN FIELD BEFORE ORDERING MATERIALS.");
    if (!rooms.isEmpty())
        s.roomRenames.insert(rooms.value(variant % rooms.size()), QStringLiteral("QUIET STUDY"));
    s.revision = QStringLiteral("REV 2");
    return s;
}

} // namespace bt::test
