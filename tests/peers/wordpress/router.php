<?php
// SPDX-License-Identifier: GPL-3.0-or-later
// Router for `php -S 127.0.0.1:PORT -t SITE router.php`. SITE mirrors /usr/share/wordpress with our
// wp-config.php; ABSPATH points at SITE so wp-load.php picks that config even where PHP resolves
// the symlinks to /usr/share/wordpress. Existing static files are served as they are, PHP files run,
// everything else (/wp-json/..., pretty permalinks) goes to index.php.

define('ABSPATH', rtrim($_SERVER['DOCUMENT_ROOT'], '/') . '/');

$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (str_contains($path, '..')) {
    http_response_code(400);
    return true;
}
$file = ABSPATH . ltrim($path, '/');
if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) {
    $path = rtrim($path, '/') . '/index.php';
    $file = ABSPATH . ltrim($path, '/');
}
if (is_file($file) && !str_ends_with($file, '.php')) {
    return false;
}
if (!is_file($file)) {
    $path = '/index.php';
    $file = ABSPATH . 'index.php';
}
$_SERVER['SCRIPT_NAME'] = $path;
$_SERVER['PHP_SELF'] = $path;
$_SERVER['SCRIPT_FILENAME'] = $file;
chdir(dirname($file));
require $file;
