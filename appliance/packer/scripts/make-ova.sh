#!/bin/sh -eux
# Packs a qcow2 disk into an OVA (OVF 1.0): a streamOptimized VMDK, the descriptor and a SHA-256
# manifest, in a ustar archive ordered as the OVF specification requires: descriptor first, then
# the manifest, then the files in the order of the descriptor's References.
qcow2=$1
ova=$2
version=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

qemu-img convert -f qcow2 -O vmdk -o subformat=streamOptimized "$qcow2" "$work/procura-disk1.vmdk"
capacity=$(qemu-img info --output=json "$qcow2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["virtual-size"])')
size=$(stat -c %s "$work/procura-disk1.vmdk")

sed -e "s/@CAPACITY@/$capacity/" -e "s/@SIZE@/$size/" -e "s/@VERSION@/$version/g" \
    "$(dirname "$0")/procura.ovf.in" >"$work/procura.ovf"

(
    cd "$work"
    for f in procura.ovf procura-disk1.vmdk; do
        echo "SHA256($f)= $(sha256sum "$f" | cut -d' ' -f1)"
    done >procura.mf
    tar --format=ustar --owner=0 --group=0 --numeric-owner -cf procura.ova procura.ovf procura.mf procura-disk1.vmdk
)
mv "$work/procura.ova" "$ova"
