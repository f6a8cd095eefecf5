#!/usr/bin/env python3
"""Checks an OVA the way an importer reads it: a ustar archive whose first member is the OVF 1.0
descriptor, then the manifest, then the disk; every manifest digest matches; the descriptor is
well-formed, names the disk file with its real size, a capacity equal to the VMDK's virtual size,
and has CPU, memory, a disk on a controller and a network adapter on a declared network; the VMDK
is streamOptimized. Prints one line per problem; exits 1 if there is any.

    check-ova.py procura.ova
"""
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET

OVF = "http://schemas.dmtf.org/ovf/envelope/1"
RASD = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData"
ns = {"ovf": OVF, "rasd": RASD}
problems = []


def attr(element, name):
    return element.get("{%s}%s" % (OVF, name))


with tarfile.open(sys.argv[1]) as tar, tempfile.TemporaryDirectory() as tmp:
    members = tar.getmembers()
    names = [m.name for m in members]
    if tar.format != tarfile.USTAR_FORMAT and any(m.pax_headers for m in members):
        problems.append("not a plain ustar archive")
    if not names or not names[0].endswith(".ovf"):
        problems.append(f"first member is {names[:1]}, not the .ovf descriptor")
    if len(names) > 1 and not names[1].endswith(".mf"):
        problems.append(f"second member is {names[1]}, not the .mf manifest")
    tar.extractall(tmp)
    files = {n: f"{tmp}/{n}" for n in names}

    def sha256(path):
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()

    manifest = [n for n in names if n.endswith(".mf")]
    for line in open(files[manifest[0]]).read().splitlines() if manifest else []:
        name, digest = line.split("(", 1)[1].split(")= ")
        if not line.startswith("SHA256("):
            problems.append(f"manifest line for {name} is not SHA256")
        elif name not in files:
            problems.append(f"manifest names {name}, which is not in the archive")
        elif sha256(files[name]) != digest:
            problems.append(f"manifest digest of {name} does not match")

    root = ET.parse(files[names[0]]).getroot()
    if root.tag != "{%s}Envelope" % OVF or attr(root, "version") != "1.0":
        problems.append("root is not an OVF 1.0 Envelope")
    refs = {attr(f, "id"): f for f in root.findall("ovf:References/ovf:File", ns)}
    disks = {attr(d, "diskId"): d for d in root.findall("ovf:DiskSection/ovf:Disk", ns)}
    networks = {attr(n, "name") for n in root.findall("ovf:NetworkSection/ovf:Network", ns)}
    for file_id, ref in refs.items():
        href = attr(ref, "href")
        if href not in files:
            problems.append(f"References names {href}, which is not in the archive")
        elif int(attr(ref, "size")) != os.path.getsize(files[href]):
            problems.append(f"size of {href} in References is wrong")
    for disk_id, disk in disks.items():
        ref = refs.get(attr(disk, "fileRef"))
        if ref is None:
            problems.append(f"disk {disk_id} refers to no file")
            continue
        info = json.loads(subprocess.check_output(
            ["qemu-img", "info", "--output=json", files[attr(ref, "href")]]))
        if info.get("format") != "vmdk" or info.get("format-specific", {}).get("data", {}).get("create-type") != "streamOptimized":
            problems.append(f"{attr(ref, 'href')} is not a streamOptimized VMDK")
        if int(attr(disk, "capacity")) != info["virtual-size"]:
            problems.append(f"disk {disk_id} capacity {attr(disk, 'capacity')} != virtual size {info['virtual-size']}")

    items = root.findall("ovf:VirtualSystem/ovf:VirtualHardwareSection/ovf:Item", ns)
    by_type = {}
    for item in items:
        by_type.setdefault(item.findtext("rasd:ResourceType", namespaces=ns), []).append(item)
    instance_ids = {item.findtext("rasd:InstanceID", namespaces=ns) for item in items}
    for rtype, what in (("3", "CPU"), ("4", "memory"), ("10", "network adapter"), ("17", "disk")):
        if rtype not in by_type:
            problems.append(f"no {what} item (ResourceType {rtype})")
    for item in by_type.get("17", []):
        host = item.findtext("rasd:HostResource", namespaces=ns) or ""
        if host.removeprefix("ovf:/disk/") not in disks:
            problems.append(f"disk item points at {host}, not a declared disk")
        if item.findtext("rasd:Parent", namespaces=ns) not in instance_ids:
            problems.append("disk item has no controller parent")
    for item in by_type.get("10", []):
        if item.findtext("rasd:Connection", namespaces=ns) not in networks:
            problems.append("network adapter connects to an undeclared network")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
