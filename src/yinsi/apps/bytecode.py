"""Walking Dalvik bytecode just far enough to see which methods and fields an instruction stream uses.

Instruction widths come from the Dalvik bytecode format table (source.android.com/docs/core/runtime/
dalvik-bytecode and instruction-formats); every opcode's width must be exact or the walk desynchronises.
Payload pseudo-instructions (packed-switch, sparse-switch, fill-array-data) carry their own sizes.
"""

from __future__ import annotations

from array import array

# (first opcode, last opcode, width in 16-bit code units)
_WIDTHS: tuple[tuple[int, int, int], ...] = (
    (0x00, 0x01, 1),  # nop, move
    (0x02, 0x02, 2),  # move/from16
    (0x03, 0x03, 3),  # move/16
    (0x04, 0x04, 1),  # move-wide
    (0x05, 0x05, 2),  # move-wide/from16
    (0x06, 0x06, 3),  # move-wide/16
    (0x07, 0x07, 1),  # move-object
    (0x08, 0x08, 2),  # move-object/from16
    (0x09, 0x09, 3),  # move-object/16
    (0x0A, 0x12, 1),  # move-result*, move-exception, return*, const/4
    (0x13, 0x13, 2),  # const/16
    (0x14, 0x14, 3),  # const
    (0x15, 0x16, 2),  # const/high16, const-wide/16
    (0x17, 0x17, 3),  # const-wide/32
    (0x18, 0x18, 5),  # const-wide
    (0x19, 0x1A, 2),  # const-wide/high16, const-string
    (0x1B, 0x1B, 3),  # const-string/jumbo
    (0x1C, 0x1C, 2),  # const-class
    (0x1D, 0x1E, 1),  # monitor-enter, monitor-exit
    (0x1F, 0x20, 2),  # check-cast, instance-of
    (0x21, 0x21, 1),  # array-length
    (0x22, 0x23, 2),  # new-instance, new-array
    (0x24, 0x26, 3),  # filled-new-array(/range), fill-array-data
    (0x27, 0x28, 1),  # throw, goto
    (0x29, 0x29, 2),  # goto/16
    (0x2A, 0x2C, 3),  # goto/32, packed-switch, sparse-switch
    (0x2D, 0x3D, 2),  # cmp*, if-test, if-testz
    (0x3E, 0x43, 1),  # unused
    (0x44, 0x6D, 2),  # aget/aput, iget/iput, sget/sput
    (0x6E, 0x72, 3),  # invoke-virtual/super/direct/static/interface
    (0x73, 0x73, 1),  # unused
    (0x74, 0x78, 3),  # invoke-*/range
    (0x79, 0x7A, 1),  # unused
    (0x7B, 0x8F, 1),  # unop
    (0x90, 0xAF, 2),  # binop
    (0xB0, 0xCF, 1),  # binop/2addr
    (0xD0, 0xE2, 2),  # binop/lit16, binop/lit8
    (0xE3, 0xF9, 1),  # unused
    (0xFA, 0xFB, 4),  # invoke-polymorphic(/range)
    (0xFC, 0xFD, 3),  # invoke-custom(/range)
    (0xFE, 0xFF, 2),  # const-method-handle, const-method-type
)
WIDTH = [0] * 256
for low, high, width in _WIDTHS:
    for opcode in range(low, high + 1):
        WIDTH[opcode] = width
assert all(WIDTH), "every opcode needs a width"

# What the unit after the opcode indexes: 1 = method_ids, 2 = field_ids, 3 = string_ids (16-bit),
# 4 = string_ids (32-bit, const-string/jumbo), 0 = nothing we collect.
KIND = [0] * 256
KIND[0x1A], KIND[0x1B] = 3, 4
for opcode in [*range(0x6E, 0x73), *range(0x74, 0x79), 0xFA, 0xFB]:  # invoke-*, invoke-polymorphic
    KIND[opcode] = 1
for opcode in range(0x52, 0x6E):  # iget*/iput*/sget*/sput*
    KIND[opcode] = 2

_PACKED_SWITCH, _SPARSE_SWITCH, _FILL_ARRAY = 0x0100, 0x0200, 0x0300


def scan_references(
    units: array[int],
    start: int,
    count: int,
    methods: set[int],
    fields: set[int],
    strings: set[int] | None = None,
) -> bool:
    """Add the method_ids, field_ids (and string_ids of const-string) used by `count` code units at
    `start`; False if malformed. Indices are local to the DEX file the units belong to.
    """
    if strings is None:
        strings = set()
    pc, end = start, start + count
    width, kind = WIDTH, KIND
    try:
        while pc < end:
            unit = units[pc]
            op = unit & 0xFF
            if op == 0 and unit:
                if unit == _PACKED_SWITCH:
                    pc += units[pc + 1] * 2 + 4
                elif unit == _SPARSE_SWITCH:
                    pc += units[pc + 1] * 4 + 2
                elif unit == _FILL_ARRAY:
                    size = units[pc + 2] | (units[pc + 3] << 16)
                    pc += (size * units[pc + 1] + 1) // 2 + 4
                else:
                    return False
                continue
            what = kind[op]
            if what == 1:
                methods.add(units[pc + 1])
            elif what == 2:
                fields.add(units[pc + 1])
            elif what == 3:
                strings.add(units[pc + 1])
            elif what == 4:
                strings.add(units[pc + 1] | (units[pc + 2] << 16))
            pc += width[op]
    except IndexError:
        return False
    return pc == end
