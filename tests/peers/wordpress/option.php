<?php
// SPDX-License-Identifier: GPL-3.0-or-later
// `php option.php NAME VALUE`: sets one site option (used by tests to flip permalinks and test switches).
$url = getenv('IC_WP_URL');
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
define('ABSPATH', rtrim(getenv('IC_WP_SITE'), '/') . '/');
require ABSPATH . 'wp-load.php';
update_option($argv[1], $argv[2]);
echo json_encode([$argv[1] => get_option($argv[1])]), "\n";
