# Lints every file of rtl/ on its own as a top module with its default
# parameters under verilator --lint-only -Wall (warnings are errors), from
# the repository root as a user would (files include each other by
# root-relative path), then all of them together. The harnesses lint the
# other parameterisations when they are built.
# Run: cmake -DVERILATOR=<verilator> -DRTL_DIR=<rtl> -P lint.cmake
file(GLOB files ${RTL_DIR}/*.v ${RTL_DIR}/*.sv)
list(LENGTH files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no Verilog in ${RTL_DIR}")
endif()
set(failed 0)
get_filename_component(root ${RTL_DIR} DIRECTORY)
foreach(file ${files})
  execute_process(COMMAND ${VERILATOR} --lint-only -Wall ${file}
                  WORKING_DIRECTORY ${root} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(SEND_ERROR "lint failed: ${file}")
    set(failed 1)
  endif()
endforeach()
execute_process(COMMAND ${VERILATOR} --lint-only -Wall ${files}
                WORKING_DIRECTORY ${root} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(SEND_ERROR "lint failed: all of rtl/ together")
  set(failed 1)
endif()
if(failed)
  message(FATAL_ERROR "rtl lint failed")
endif()
message(STATUS "rtl lint: ${count} files clean under -Wall")
