#!/bin/sh -eux
# Packs a qcow2 disk into an OVA: a streamOptimized VMDK, an OVF 1.0 descriptor and a manifest,
# in a tar whose first member is the descriptor (as the OVF specification requires).
qcow2=$1
ova=$2
version=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

qemu-img convert -f qcow2 -O vmdk -o subformat=streamOptimized "$qcow2" "$work/procura-disk1.vmdk"
capacity=$(qemu-img info --output=json "$qcow2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["virtual-size"])')
size=$(stat -c %s "$work/procura-disk1.vmdk")

sed -e "s/@CAPACITY@/$capacity/" -e "s/@SIZE@/$size/" -e "s/@VERSION@/$version/" \
    "$(dirname "$0")/procura.ovf.in" >"$work/procura.ovf"

(
    cd "$work"
    for f in procura.ovf procura-disk1.vmdk; do
        echo "SHA256($f)= $(sha256sum "$f" | cut -d' ' -f1)"
    done >procura.mf
    tar --format=ustar -cf procura.ova procura.ovf procura-disk1.vmdk procura.mf
)
mv "$work/procura.ova" "$ova"
