<?php
// SPDX-License-Identifier: GPL-3.0-or-later
// Installs the test site (wp-cli is neither packaged nor downloadable here). Run by
// tests/publishers/wordpress_peer.py as `php install.php` with the same environment as the server.
// Prints one JSON line: the admin's user name and a new application password.

$url = getenv('IC_WP_URL');
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = parse_url($url, PHP_URL_HOST);
$_SERVER['SERVER_PORT'] = parse_url($url, PHP_URL_PORT);
define('ABSPATH', rtrim(getenv('IC_WP_SITE'), '/') . '/');
define('WP_INSTALLING', true);
require ABSPATH . 'wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';

$username = getenv('IC_WP_USER');
$result = wp_install('Status of Example', $username, $username . '@example.net', true, '', wp_generate_password(24));
$user_id = $result['user_id'];
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
update_option('timezone_string', getenv('IC_WP_TIMEZONE') ?: 'UTC');
wp_insert_term('Incidents', 'category', ['slug' => 'incidents']);
wp_insert_term('Maintenance', 'category', ['slug' => 'maintenance']);
[$password] = WP_Application_Passwords::create_new_application_password($user_id, ['name' => 'Incident Composer tests']);

// An author may publish, a contributor may only submit for review.
$contributor = wp_insert_user(['user_login' => 'contributor', 'user_pass' => wp_generate_password(24),
                               'user_email' => 'contributor@example.net', 'role' => 'contributor']);
[$contributor_password] = WP_Application_Passwords::create_new_application_password($contributor, ['name' => 'tests']);

echo json_encode(['username' => $username, 'app_password' => $password,
                  'contributor' => 'contributor', 'contributor_password' => $contributor_password]), "\n";
