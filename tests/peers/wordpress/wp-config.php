<?php
// SPDX-License-Identifier: GPL-3.0-or-later
// The test site's configuration, in place of Debian's /usr/share/wordpress/wp-config.php (which
// would read /etc/wordpress/config-<host>.php). Everything comes from the environment that
// tests/publishers/wordpress_peer.py gives `php -S` and the installer, so nothing under /etc is written
// and two sites can run at once.

define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:' . getenv('IC_WP_DB_SOCKET'));
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';

define('WP_HOME', getenv('IC_WP_URL'));
define('WP_SITEURL', getenv('IC_WP_URL'));
// 'local' is what lets Application Passwords work over plain http.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('WPMU_PLUGIN_DIR', dirname(realpath(__FILE__)) . '/mu-plugins');  // test switches, see there
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_DEBUG', false);
define('WP_DEBUG_DISPLAY', false);

// Fixed salts: a throwaway site on 127.0.0.1.
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY',
          'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $name) {
    define($name, 'incident-composer-test-' . $name);
}

require_once ABSPATH . 'wp-settings.php';
