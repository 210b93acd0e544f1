#!/bin/sh
# Refuses every input of the EvidenceCatalog generator that is not a regular file, before the C# compiler opens it:
# opening a named pipe blocks until something writes to it, which would hang the build.
#   $1: a file listing the inputs, one full path a line;  $2: the address of the EC1016 help page.
# Each refusal is printed as MSBuild reads an error (FILE(1,1): error EC1016: ...), worded as `evidence validate` words it.
status=0
while IFS= read -r file; do
  [ -f "$file" ] && continue
  [ -e "$file" ] || continue # missing: the compiler reports it (CS2001, EC5003)
  if [ -p "$file" ]; then what='a named pipe (FIFO)'
  elif [ -c "$file" ]; then what='a character device'
  elif [ -b "$file" ]; then what='a block device'
  elif [ -S "$file" ]; then what='a socket'
  else what='a folder'
  fi
  [ -L "$file" ] && what="a symbolic link to $what ('$(readlink "$file")')"
  printf '%s(1,1): error EC1016: this is %s, not a regular file; catalogs are read only from regular files, so replace it with the file itself or remove it (%s)\n' "$file" "$what" "$2"
  status=1
done < "$1"
exit $status
