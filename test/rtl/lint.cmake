# Lints every file of rtl/ under verilator --lint-only -Wall (warnings are
# errors) with its default parameters, wherever it is run from: rtl/ defines
# one module per file and includes nothing, so each file lints on its own
# from inside rtl/ (Verilator finds the modules it instantiates there) and
# from elsewhere with `-y rtl`, and all of them lint together from anywhere.
# The harnesses lint the other parameterisations when they are built.
# Run: cmake -DVERILATOR=<verilator> -DRTL_DIR=<rtl> -P lint.cmake
file(GLOB files ${RTL_DIR}/*.v ${RTL_DIR}/*.sv)
list(LENGTH files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no Verilog in ${RTL_DIR}")
endif()
set(failed 0)
# lint(<what> <working directory> <arguments...>)
function(lint what dir)
  execute_process(COMMAND ${VERILATOR} --lint-only -Wall ${ARGN}
                  WORKING_DIRECTORY ${dir} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(SEND_ERROR "lint failed: ${what} (from ${dir})")
    set(failed 1 PARENT_SCOPE)
  endif()
endfunction()
# Anywhere but rtl/ and the repository root: this script's own directory.
get_filename_component(elsewhere ${CMAKE_CURRENT_LIST_DIR} ABSOLUTE)
foreach(file ${files})
  get_filename_component(name ${file} NAME)
  lint(${name} ${RTL_DIR} ${name})
  lint(${name} ${elsewhere} -y ${RTL_DIR} ${file})
endforeach()
lint("all of rtl/ together" ${elsewhere} ${files})
lint("all of rtl/ together" ${RTL_DIR} ${files})
if(failed)
  message(FATAL_ERROR "rtl lint failed")
endif()
message(STATUS "rtl lint: ${count} files clean under -Wall")
