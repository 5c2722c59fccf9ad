#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine for netc: the OpenCL runtime (PoCL on the CPU), the
# unversioned libOpenCL.so that JOCL loads, Fashion-MNIST from Debian's archive, a JDK 17 and Maven;
# then builds the project. Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(pocl-opencl-icd ocl-icd-opencl-dev clinfo dataset-fashion-mnist)
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
    echo "netc setup: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cd "$(dirname "$0")/.."
echo "netc setup: building (mvn package -DskipTests); the processor prints each sample's shape table"
# Keep the compiler's notes (the shape tables), warnings and errors; drop Maven's progress chatter.
mvn -B -ntp -Dstyle.color=never package -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | awk '
    /^\[INFO\] .*\[netc\./ { sub(/^\[INFO\] /, ""); print; next }
    /^\[INFO\] BUILD/         { print; next }
    /^\[INFO\]/               { next }
    { print }'
