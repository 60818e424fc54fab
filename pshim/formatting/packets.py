"""Format packets: what Format-Table/-List/-Wide write to the pipeline and the
Out-* commands render (5.1's FormatStartData, GroupStartData, FormatEntryData,
GroupEndData, FormatEndData)."""
from __future__ import annotations

from ..runtime.psobject import DotNetObject

_NS = "Microsoft.PowerShell.Commands.Internal.Format."


class Packet(DotNetObject):
    ps_properties = ("ClassId2e4f51ef21dd47e99d3c952918aff9cd",)

    @property
    def ClassId2e4f51ef21dd47e99d3c952918aff9cd(self):
        return self.class_id

    class_id = ""


class ColumnInfo:
    __slots__ = ("label", "width", "alignment")

    def __init__(self, label, width, alignment):
        self.label = label
        self.width = width
        self.alignment = alignment


class FormatStart(Packet):
    ps_type_names = (_NS + "FormatStartData", _NS + "StartData", _NS + "PacketInfoData",
                     _NS + "FormatInfoData", "System.Object")
    class_id = "033ecb2bc07a4d43b5ef94ed5a35d280"

    def __init__(self, shape, columns=None, hide_header=False, auto_size=False, wide_columns=0):
        self.shape = shape                # "table" | "list" | "wide" | "custom"
        self.columns = columns or []      # table: [ColumnInfo]
        self.hide_header = hide_header
        self.auto_size = auto_size
        self.wide_columns = wide_columns


class GroupStart(Packet):
    ps_type_names = (_NS + "GroupStartData", _NS + "StartData", _NS + "PacketInfoData",
                     _NS + "FormatInfoData", "System.Object")
    class_id = "9e210fe47d09416682b841769c78b8a3"

    def __init__(self, label_text=None):
        self.label_text = label_text      # "   Name: value" or None


class FormatEntry(Packet):
    ps_type_names = (_NS + "FormatEntryData", _NS + "PacketInfoData", _NS + "FormatInfoData",
                     "System.Object")
    class_id = "27c87ef9bbda4f709f6b4002fa4af63c"
    __slots__ = ("kind", "data", "out_of_band", "aux")

    def __init__(self, kind, data, out_of_band=False, aux=None):
        self.kind = kind      # "row" | "list" | "wide" | "custom" | "raw"
        self.data = data      # row: [text]; list: [(label, text)]; wide/custom/raw: text
        self.out_of_band = out_of_band
        self.aux = aux        # row: (alignments, multiline)


class GroupEnd(Packet):
    ps_type_names = (_NS + "GroupEndData", _NS + "PacketInfoData", _NS + "FormatInfoData", "System.Object")
    class_id = "4ec4f0187cb04f4cb6973460dfe252df"


class FormatEnd(Packet):
    ps_type_names = (_NS + "FormatEndData", _NS + "PacketInfoData", _NS + "FormatInfoData", "System.Object")
    class_id = "cf522b78d86c486691226b40aa69e95c"


def is_packet(obj) -> bool:
    return isinstance(obj, Packet)
