#!/usr/bin/env python3
"""Reference generator for the golden vectors of PRP-IF-001/002/003.

A third, independent implementation of the line format (link.md §2), written only from the spec:
it computes CRCs bit by bit and writes plate.vectors.jsonl and table.vectors.jsonl. Both the host
codec (native-bridge) and the simulator codec (hardware-sim) must agree with every vector.

Vector shape (one JSON object per line):
  valid:   {"dir": "d2h"|"h2d", "line": str, "msg": {"type": str, "seq": int, "fields": {...}}}
  invalid: {"dir": ..., "line": str, "error": "overflow"|"crc"|"format"|"range"|"unknown"}
`line` never includes the LF. Fixed-point fields are JSON numbers, flags integers, key=value
detail fields a "kv" object of strings. Run: python3 docs/protocols/make-vectors.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

PLATE_SCHEMA = ("PF600/1;$HELLO:id,proto,hash;$INFO:id,page;$RATE:id,hz;$START:id;$STOP:id;"
                "$STATUS:id;%HB:;+ACK:id;-NAK:id,code;#D:tUs,c0,c1,c2,c3,flags;!EV:tUs,name;%HB:tUs")
TABLE_SCHEMA = ("DT9/1;$HELLO:id,proto,hash;$INFO:id,page;$ZERO:id;$ARM:id,region;$DISARM:id;"
                "$SET:id,targetN,rateNps;$PAUSE:id;$STOP:id,rateNps;$RELEASE:id;$RESET:id;$STATUS:id;"
                "$SVC:id,on;$CAL:id,offsetN,span,crc;$CALGET:id;$CALUSE:id,crc;"
                "%HB:;+ACK:id;-NAK:id,code;#T:tUs,state,measN,setN,posMm,velMmS,flags,region,limitN,fault;"
                "!EV:tUs,name;%HB:tUs")


def crc16(data: bytes) -> int:
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


assert crc16(b"123456789") == 0x29B1
PLATE_HASH = "%04X" % crc16(PLATE_SCHEMA.encode())
TABLE_HASH = "%04X" % crc16(TABLE_SCHEMA.encode())


def crc_text(text: str) -> str:
    """CRC of load-cell coefficients as sent (table.md 4.1): over "<offsetN> <span>"."""
    return "%04X" % crc16(text.encode("ascii"))


COEFF_CRC = crc_text("-0.03 1.01890")


def line(body: str) -> str:
    return "%s*%04X" % (body, crc16(body.encode("latin-1")))


def valid(dir_, body, type_, seq, fields):
    return {"dir": dir_, "line": line(body), "msg": {"type": type_, "seq": seq, "fields": fields}}


def bad(dir_, text, error):
    return {"dir": dir_, "line": text, "error": error}


def common_invalid(dir_, good_body):
    """Invalid cases that every receiver must classify the same way."""
    good = line(good_body)
    crc = good[-4:]
    flipped = good_body[:-1] + ("1" if good_body[-1] != "1" else "2")
    return [
        bad(dir_, good_body + "*" + ("0000" if crc != "0000" else "FFFF"), "crc"),
        bad(dir_, good[:-4] + crc.lower() if crc.lower() != crc else good[:-4] + "zzzz", "crc"),
        bad(dir_, flipped + "*" + crc, "crc"),
        bad(dir_, good_body + crc, "crc"),
        bad(dir_, good[:-1], "crc"),
        bad(dir_, good + "\r", "crc"),
        bad(dir_, "", "crc"),
        bad(dir_, line(good_body + " "), "format"),
        bad(dir_, line(good_body.replace(" ", "  ", 1)), "format"),
        bad(dir_, line(good_body.replace(" ", "\t", 1)), "format"),
        bad(dir_, line(good_body + " " + "x" * 41), "format"),
        bad(dir_, "A" * 121, "overflow"),
        bad(dir_, line(good_body + " " + " ".join(["9" * 30] * 4)), "overflow"),
    ]


def plate_vectors():
    v = []
    d = "d2h"
    v.append(valid(d, "#D 0 1000000 52711 51104 50382 49876 08", "#D", 0,
                   {"tUs": 1000000, "c0": 52711, "c1": 51104, "c2": 50382, "c3": 49876, "flags": 8}))
    v.append(valid(d, "#D 1 1001000 1812334 1760023 1698512 1755201 00", "#D", 1,
                   {"tUs": 1001000, "c0": 1812334, "c1": 1760023, "c2": 1698512, "c3": 1755201, "flags": 0}))
    v.append(valid(d, "#D 4294967295 281474976710655 -8388608 8388607 -1 0 FF", "#D", 4294967295,
                   {"tUs": 281474976710655, "c0": -8388608, "c1": 8388607, "c2": -1, "c3": 0, "flags": 255}))
    v.append(valid(d, "#D 17 0 0 0 0 0 00", "#D", 17,
                   {"tUs": 0, "c0": 0, "c1": 0, "c2": 0, "c3": 0, "flags": 0}))
    v.append(valid(d, "+ACK 0 1 model=PF-600 serial=PF6-00042 fw=1.3.0 proto=1 hash=" + PLATE_HASH, "+ACK", 0,
                   {"id": 1, "kv": {"model": "PF-600", "serial": "PF6-00042", "fw": "1.3.0", "proto": "1",
                                    "hash": PLATE_HASH}}))
    v.append(valid(d, "+ACK 1 2 rateMinHz=100 rateMaxHz=2000 widthMm=600.0 depthMm=400.0 countsPerN=5000 fsN=1500",
                   "+ACK", 1, {"id": 2, "kv": {"rateMinHz": "100", "rateMaxHz": "2000", "widthMm": "600.0",
                                               "depthMm": "400.0", "countsPerN": "5000", "fsN": "1500"}}))
    v.append(valid(d, "+ACK 2 3 c0Mm=-270.0,170.0 c1Mm=270.0,170.0", "+ACK", 2,
                   {"id": 3, "kv": {"c0Mm": "-270.0,170.0", "c1Mm": "270.0,170.0"}}))
    v.append(valid(d, "+ACK 9 65535", "+ACK", 9, {"id": 65535, "kv": {}}))
    v.append(valid(d, "-NAK 10 7 4", "-NAK", 10, {"id": 7, "code": 4, "kv": {}}))
    v.append(valid(d, "-NAK 11 1 6 proto=1 hash=" + PLATE_HASH, "-NAK", 11,
                   {"id": 1, "code": 6, "kv": {"proto": "1", "hash": PLATE_HASH}}))
    v.append(valid(d, "!EV 12 1500 BOOT fw=1.3.0", "!EV", 12, {"tUs": 1500, "name": "BOOT", "kv": {"fw": "1.3.0"}}))
    v.append(valid(d, "!EV 13 2000 ADCFAULT cell=2", "!EV", 13, {"tUs": 2000, "name": "ADCFAULT", "kv": {"cell": "2"}}))
    v.append(valid(d, "%HB 14 2250000", "%HB", 14, {"tUs": 2250000}))
    body = "#D 5 1000000 1 2 3 4 00"
    v += common_invalid(d, body)
    v += [
        bad(d, line("#D 05 1000000 1 2 3 4 00"), "format"),
        bad(d, line("#D 4294967296 1000000 1 2 3 4 00"), "range"),
        bad(d, line("#D 5 1000000 1 2 3 00"), "format"),
        bad(d, line("#D 5 1000000 1 2 3 4 5 00"), "format"),
        bad(d, line("#D 5 1000000 1 2 3 4 0"), "format"),
        bad(d, line("#D 5 1000000 1 2 3 4 0a"), "format"),
        bad(d, line("#D 5 1000000 1 2 +3 4 00"), "format"),
        bad(d, line("#D 5 1000000 1 2 -0 4 00"), "format"),
        bad(d, line("#D 5 1000000 1 2 3.0 4 00"), "format"),
        bad(d, line("#D 5 -1000000 1 2 3 4 00"), "format"),
        bad(d, line("#D 5 1000000 8388608 2 3 4 00"), "range"),
        bad(d, line("#D 5 1000000 1 2 3 -8388609 00"), "range"),
        bad(d, line("#D 5 281474976710656 1 2 3 4 00"), "range"),
        bad(d, line("#D 5 1000000 1 2 3 \x014 00"), "format"),
        bad(d, line("#T 5 1000000 IDLE 0.0 0.0 0.0 0.0 0000 - 0.0 0"), "unknown"),
        bad(d, line("&D 5 1000000 1 2 3 4 00"), "unknown"),
        bad(d, line("#d 5 1000000 1 2 3 4 00"), "format"),
        bad(d, line("-NAK 10 7"), "format"),
        bad(d, line("-NAK 10 0 4"), "range"),
        bad(d, line("-NAK 10 7 256"), "range"),
        bad(d, line("#X 4294967296 1"), "range"),
        bad(d, line("#X 5 1"), "unknown"),
        bad(d, line("+ACK 10 65536"), "range"),
        bad(d, line("+ACK 10 7 model"), "format"),
        bad(d, line("+ACK 10 7 =x"), "format"),
        bad(d, line("!EV 12 1500"), "format"),
        bad(d, line("!EV 12 1500 boot"), "format"),
        bad(d, line("%HB 14"), "format"),
    ]
    h = "h2d"
    v.append(valid(h, "$HELLO 0 1 1 " + PLATE_HASH, "$HELLO", 0, {"id": 1, "proto": 1, "hash": PLATE_HASH}))
    v.append(valid(h, "$INFO 1 2 0", "$INFO", 1, {"id": 2, "page": 0}))
    v.append(valid(h, "$RATE 2 3 2000", "$RATE", 2, {"id": 3, "hz": 2000}))
    v.append(valid(h, "$RATE 3 4 100", "$RATE", 3, {"id": 4, "hz": 100}))
    v.append(valid(h, "$START 4 5", "$START", 4, {"id": 5}))
    v.append(valid(h, "$STOP 5 6", "$STOP", 5, {"id": 6}))
    v.append(valid(h, "$STATUS 6 7", "$STATUS", 6, {"id": 7}))
    v.append(valid(h, "%HB 7", "%HB", 7, {}))
    v += common_invalid(h, "$RATE 2 3 500")
    v += [
        bad(h, line("$RATE 2 3 99"), "range"),
        bad(h, line("$RATE 2 3 2001"), "range"),
        bad(h, line("$RATE 2 0 500"), "range"),
        bad(h, line("$RATE 2 3"), "format"),
        bad(h, line("$RATE 2 3 500.0"), "format"),
        bad(h, line("$START 4 5 1"), "format"),
        bad(h, line("$HELLO 0 1 1 73c8"), "format"),
        bad(h, line("$FLY 4 5"), "unknown"),
        bad(h, line("$SET 4 5 100.0 10.0"), "unknown"),
        bad(h, line("%HB 7 100"), "format"),
    ]
    return v


def table_vectors():
    v = []
    d = "d2h"
    v.append(valid(d, "#T 12 240000 RUN 412.3 415.0 31.2 2.1 0083 L 980.7 0", "#T", 12,
                   {"tUs": 240000, "state": "RUN", "measN": 412.3, "setN": 415.0, "posMm": 31.2, "velMmS": 2.1,
                    "flags": 0x83, "region": "L", "limitN": 980.7, "fault": 0}))
    v.append(valid(d, "#T 0 20000 IDLE -0.4 0.0 0.0 0.0 0102 - 0.0 0", "#T", 0,
                   {"tUs": 20000, "state": "IDLE", "measN": -0.4, "setN": 0.0, "posMm": 0.0, "velMmS": 0.0,
                    "flags": 0x102, "region": "-", "limitN": 0.0, "fault": 0}))
    v.append(valid(d, "#T 4294967295 281474976710655 RELD 1600.0 1500.0 120.0 -500.0 FFFF C 1500.0 255", "#T",
                   4294967295, {"tUs": 281474976710655, "state": "RELD", "measN": 1600.0, "setN": 1500.0,
                                "posMm": 120.0, "velMmS": -500.0, "flags": 0xFFFF, "region": "C",
                                "limitN": 1500.0, "fault": 255}))
    v.append(valid(d, "#T 3 60000 RELG -200.0 0.0 -10.0 500.0 0001 C 266.9 1", "#T", 3,
                   {"tUs": 60000, "state": "RELG", "measN": -200.0, "setN": 0.0, "posMm": -10.0, "velMmS": 500.0,
                    "flags": 1, "region": "C", "limitN": 266.9, "fault": 1}))
    for i, st in enumerate(["ARMED", "PAUSE", "FAULT"]):
        v.append(valid(d, "#T %d 1000 %s 15.0 15.0 10.5 -0.1 0083 L 980.7 7" % (20 + i, st), "#T", 20 + i,
                       {"tUs": 1000, "state": st, "measN": 15.0, "setN": 15.0, "posMm": 10.5, "velMmS": -0.1,
                        "flags": 0x83, "region": "L", "limitN": 980.7, "fault": 7}))
    v.append(valid(d, "!EV 13 242000 RELEASE reason=2 fromN=412.3", "!EV", 13,
                   {"tUs": 242000, "name": "RELEASE", "kv": {"reason": "2", "fromN": "412.3"}}))
    v.append(valid(d, "!EV 14 1900000 RELDONE reason=2 ms=1684 measN=14.8", "!EV", 14,
                   {"tUs": 1900000, "name": "RELDONE", "kv": {"reason": "2", "ms": "1684", "measN": "14.8"}}))
    v.append(valid(d, "!EV 15 2000000 WDOG silentMs=500", "!EV", 15,
                   {"tUs": 2000000, "name": "WDOG", "kv": {"silentMs": "500"}}))
    v.append(valid(d, "+ACK 0 1 model=DT-9 serial=DT9-00007 fw=2.1.4 proto=1 hash=" + TABLE_HASH, "+ACK", 0,
                   {"id": 1, "kv": {"model": "DT-9", "serial": "DT9-00007", "fw": "2.1.4", "proto": "1",
                                    "hash": TABLE_HASH}}))
    v.append(valid(d, "+ACK 1 2 lumbarLimitN=980.7 cervicalLimitN=266.9 lumbarRateNps=44.5 cervicalRateNps=11.1",
                   "+ACK", 1, {"id": 2, "kv": {"lumbarLimitN": "980.7", "cervicalLimitN": "266.9",
                                               "lumbarRateNps": "44.5", "cervicalRateNps": "11.1"}}))
    v.append(valid(d, "-NAK 16 9 14 max=980.7", "-NAK", 16, {"id": 9, "code": 14, "kv": {"max": "980.7"}}))
    v.append(valid(d, "%HB 17 5000000", "%HB", 17, {"tUs": 5000000}))
    # Service mode (table.md 4.1): coefficients read back, refusals 17-19.
    v.append(valid(d, "+ACK 18 16 offsetN=-0.03 span=1.01890 crc=" + COEFF_CRC, "+ACK", 18,
                   {"id": 16, "kv": {"offsetN": "-0.03", "span": "1.01890", "crc": COEFF_CRC}}))
    v.append(valid(d, "-NAK 19 20 17", "-NAK", 19, {"id": 20, "code": 17, "kv": {}}))
    v.append(valid(d, "-NAK 20 21 19 maxSpanChangePct=5", "-NAK", 20, {"id": 21, "code": 19, "kv": {"maxSpanChangePct": "5"}}))
    v.append(valid(d, "#T 30 80000 IDLE 0.2 0.0 0.0 0.0 0482 - 0.0 0", "#T", 30,
                   {"tUs": 80000, "state": "IDLE", "measN": 0.2, "setN": 0.0, "posMm": 0.0, "velMmS": 0.0,
                    "flags": 0x482, "region": "-", "limitN": 0.0, "fault": 0}))
    body = "#T 12 240000 RUN 412.3 415.0 31.2 2.1 0083 L 980.7 0"
    v += common_invalid(d, body)
    v += [
        bad(d, line("#T 12 240000 RUNNING 412.3 415.0 31.2 2.1 0083 L 980.7 0"), "format"),
        bad(d, line("#T 12 240000 RUN 412.30 415.0 31.2 2.1 0083 L 980.7 0"), "format"),
        bad(d, line("#T 12 240000 RUN 412 415.0 31.2 2.1 0083 L 980.7 0"), "format"),
        bad(d, line("#T 12 240000 RUN .3 415.0 31.2 2.1 0083 L 980.7 0"), "format"),
        bad(d, line("#T 12 240000 RUN -0.0 415.0 31.2 2.1 0083 L 980.7 0"), "format"),
        bad(d, line("#T 12 240000 RUN 412.3 415.0 31.2 2.1 083 L 980.7 0"), "format"),
        bad(d, line("#T 12 240000 RUN 412.3 415.0 31.2 2.1 0083 X 980.7 0"), "format"),
        bad(d, line("#T 12 240000 RUN 412.3 415.0 31.2 2.1 0083 L 980.7"), "format"),
        bad(d, line("#T 12 240000 RUN 1600.1 415.0 31.2 2.1 0083 L 980.7 0"), "range"),
        bad(d, line("#T 12 240000 RUN 412.3 -1.0 31.2 2.1 0083 L 980.7 0"), "range"),
        bad(d, line("#T 12 240000 RUN 412.3 415.0 120.1 2.1 0083 L 980.7 0"), "range"),
        bad(d, line("#T 12 240000 RUN 412.3 415.0 31.2 500.1 0083 L 980.7 0"), "range"),
        bad(d, line("#T 12 240000 RUN 412.3 415.0 31.2 2.1 0083 L 980.7 256"), "range"),
        bad(d, line("#D 5 1000000 1 2 3 4 00"), "unknown"),
    ]
    h = "h2d"
    v.append(valid(h, "$HELLO 0 1 1 " + TABLE_HASH, "$HELLO", 0, {"id": 1, "proto": 1, "hash": TABLE_HASH}))
    v.append(valid(h, "$INFO 1 2 2", "$INFO", 1, {"id": 2, "page": 2}))
    v.append(valid(h, "$ZERO 2 3", "$ZERO", 2, {"id": 3}))
    v.append(valid(h, "$ARM 3 4 L", "$ARM", 3, {"id": 4, "region": "L"}))
    v.append(valid(h, "$ARM 3 4 C", "$ARM", 3, {"id": 4, "region": "C"}))
    v.append(valid(h, "$SET 4 5 450.0 40.0", "$SET", 4, {"id": 5, "targetN": 450.0, "rateNps": 40.0}))
    v.append(valid(h, "$SET 5 5 0.0 0.1", "$SET", 5, {"id": 5, "targetN": 0.0, "rateNps": 0.1}))
    v.append(valid(h, "$SET 6 6 1500.0 1500.0", "$SET", 6, {"id": 6, "targetN": 1500.0, "rateNps": 1500.0}))
    v.append(valid(h, "$PAUSE 7 7", "$PAUSE", 7, {"id": 7}))
    v.append(valid(h, "$STOP 8 8 44.5", "$STOP", 8, {"id": 8, "rateNps": 44.5}))
    v.append(valid(h, "$RELEASE 9 9", "$RELEASE", 9, {"id": 9}))
    v.append(valid(h, "$RESET 10 10", "$RESET", 10, {"id": 10}))
    v.append(valid(h, "$DISARM 11 11", "$DISARM", 11, {"id": 11}))
    v.append(valid(h, "$STATUS 12 12", "$STATUS", 12, {"id": 12}))
    v.append(valid(h, "%HB 13", "%HB", 13, {}))
    v.append(valid(h, "$SVC 14 14 1", "$SVC", 14, {"id": 14, "on": 1}))
    v.append(valid(h, "$SVC 15 15 0", "$SVC", 15, {"id": 15, "on": 0}))
    v.append(valid(h, "$CAL 16 16 -0.03 1.01890 " + COEFF_CRC, "$CAL", 16,
                   {"id": 16, "offsetN": -0.03, "span": 1.0189, "crc": COEFF_CRC}))
    v.append(valid(h, "$CAL 17 17 50.00 0.90000 " + crc_text("50.00 0.90000"), "$CAL", 17,
                   {"id": 17, "offsetN": 50.0, "span": 0.9, "crc": crc_text("50.00 0.90000")}))
    v.append(valid(h, "$CAL 18 18 0.00 1.10000 " + crc_text("0.00 1.10000"), "$CAL", 18,
                   {"id": 18, "offsetN": 0.0, "span": 1.1, "crc": crc_text("0.00 1.10000")}))
    v.append(valid(h, "$CALGET 19 19", "$CALGET", 19, {"id": 19}))
    v.append(valid(h, "$CALUSE 20 20 " + COEFF_CRC, "$CALUSE", 20, {"id": 20, "crc": COEFF_CRC}))
    v += common_invalid(h, "$SET 4 5 450.0 40.0")
    v += [
        bad(h, line("$SET 4 5 450 40.0"), "format"),
        bad(h, line("$SET 4 5 450.00 40.0"), "format"),
        bad(h, line("$SET 4 5 -1.0 40.0"), "range"),
        bad(h, line("$SET 4 5 1500.1 40.0"), "range"),
        bad(h, line("$SET 4 5 450.0 0.0"), "range"),
        bad(h, line("$SET 4 5 450.0"), "format"),
        bad(h, line("$SET 4 65536 450.0 40.0"), "range"),
        bad(h, line("$ARM 3 4 X"), "format"),
        bad(h, line("$ARM 3 4"), "format"),
        bad(h, line("$STOP 8 8"), "format"),
        bad(h, line("$INFO 1 2 -1"), "format"),
        bad(h, line("$RATE 2 3 500"), "unknown"),
        bad(h, line("$SVC 14 14 2"), "range"),
        bad(h, line("$SVC 14 14"), "format"),
        bad(h, line("$CAL 16 16 -0.03 1.0189 " + COEFF_CRC), "format"),
        bad(h, line("$CAL 16 16 -0.030 1.01890 " + COEFF_CRC), "format"),
        bad(h, line("$CAL 16 16 -0.00 1.01890 " + COEFF_CRC), "format"),
        bad(h, line("$CAL 16 16 -0.03 1.01890 " + COEFF_CRC.lower()), "format"),
        bad(h, line("$CAL 16 16 -0.03 1.01890"), "format"),
        bad(h, line("$CAL 16 16 50.01 1.01890 " + COEFF_CRC), "range"),
        bad(h, line("$CAL 16 16 -0.03 0.89999 " + COEFF_CRC), "range"),
        bad(h, line("$CALUSE 20 20"), "format"),
        bad(h, line("$CALUSE 20 20 61B"), "format"),
    ]
    return v


def write(name, vectors):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="ascii", newline="\n") as f:
        for vec in vectors:
            f.write(json.dumps(vec, ensure_ascii=True) + "\n")
    print("%s: %d vectors" % (name, len(vectors)))


if __name__ == "__main__":
    print("plate schema hash", PLATE_HASH, "table schema hash", TABLE_HASH)
    write("plate.vectors.jsonl", plate_vectors())
    write("table.vectors.jsonl", table_vectors())
