# cmake -DINPUT=<file> -DOUTPUT=<file.inc> -P EmbedFile.cmake
#
# Writes INPUT's bytes as a comma-separated list of hexadecimal values
# ("0x7b, 0x0a, ..."), the same form as `xxd -i < INPUT`, for an #include
# inside a char array initializer (see TargetSchema.cpp).
if(NOT INPUT OR NOT OUTPUT)
  message(FATAL_ERROR "usage: cmake -DINPUT=<file> -DOUTPUT=<file> -P EmbedFile.cmake")
endif()
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" length)
if(length EQUAL 0)
  message(FATAL_ERROR "${INPUT} is empty")
endif()
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1, " bytes "${hex}")
# Twelve values per line (CMake's regular expressions have no {n}), no
# trailing comma.
string(REPEAT "0x[0-9a-f][0-9a-f], " 12 line)
string(REGEX REPLACE "(${line})" "\\1\n" bytes "${bytes}")
string(REGEX REPLACE ", \n?$" "" bytes "${bytes}")
string(REPLACE ", \n" ",\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "${bytes}\n")
