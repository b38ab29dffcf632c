# cmake -DINPUT=file -DOUTPUT=file.c -DSYMBOL=name -P embed_file.cmake
# Writes `const unsigned char SYMBOL[]` (the file's bytes) and `SYMBOL_size`,
# so a data file (the default model) is compiled into the library unchanged.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n  " bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "/* Generated from ${INPUT} by cmake/embed_file.cmake. */\n#include <stddef.h>\n"
  "const unsigned char ${SYMBOL}[] = {\n  ${bytes}0x00};\nconst size_t ${SYMBOL}_size = ${size};\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
