<?php
// SPDX-License-Identifier: GPL-3.0-or-later
// Switches the publisher tests turn on through site options (wordpress_peer.py `set_option`), to make
// this real WordPress behave like sites seen in the wild. Off unless a test turns them on.

// A moderation plugin: refuses posts mentioning FORBIDDEN-WORD, the way plugins do (a WP_Error, HTTP 400).
add_filter('rest_pre_insert_post', function ($prepared) {
    if (isset($prepared->post_content) && str_contains($prepared->post_content, 'FORBIDDEN-WORD')) {
        return new WP_Error('content_refused', 'Posts may not mention <b>FORBIDDEN-WORD</b>.', ['status' => 400]);
    }
    return $prepared;
});

// A theme or security plugin that hides the REST API's Link header (discovery must fall back).
if (get_option('ic_test_hide_rest_link')) {
    remove_action('template_redirect', 'rest_output_link_header', 11);
}

// A rate-limiting plugin or proxy: every REST request gets 429 with Retry-After.
add_filter('rest_pre_dispatch', function ($result) {
    $seconds = (int) get_option('ic_test_rate_limit', 0);
    if ($seconds > 0) {
        $response = new WP_REST_Response(['code' => 'too_many_requests', 'message' => 'Slow down.'], 429);
        $response->header('Retry-After', (string) $seconds);
        return $response;
    }
    return $result;
});

// A plugin that turns the REST API off for everyone (as "Disable REST API" plugins do).
add_filter('rest_authentication_errors', function ($result) {
    if (get_option('ic_test_rest_disabled')) {
        return new WP_Error('rest_disabled', 'The REST API is disabled on this site.', ['status' => 403]);
    }
    return $result;
});
