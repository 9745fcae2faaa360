# One INTERFACE target carries the language standard, warnings and strict Qt
# defines, so every target of the project is built the same way.
add_library(ivdesk_project_settings INTERFACE)
add_library(ivdesk::settings ALIAS ivdesk_project_settings)

target_compile_features(ivdesk_project_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(ivdesk_project_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    IVDESK_VERSION="${PROJECT_VERSION}"
    IVDESK_APPLICATION_ID="${IVDESK_APPLICATION_ID}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(ivdesk_project_settings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
        -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough
        # Never acceptable, whatever the preset.
        -Werror=return-type -Werror=uninitialized)
    if(IVDESK_WERROR)
        target_compile_options(ivdesk_project_settings INTERFACE -Werror)
    endif()
    if(IVDESK_SANITIZE)
        target_compile_options(ivdesk_project_settings INTERFACE
            -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
        target_link_options(ivdesk_project_settings INTERFACE -fsanitize=address,undefined)
    endif()
elseif(MSVC)
    target_compile_options(ivdesk_project_settings INTERFACE /W4 /permissive- /utf-8)
    if(IVDESK_WERROR)
        target_compile_options(ivdesk_project_settings INTERFACE /WX)
    endif()
endif()
