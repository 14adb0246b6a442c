namespace Kboss.Infrastructure.Persistence.Migrations;

/// <summary>
/// Data backfill of the <c>SiteOwnership</c> migration (ADR 0017), portable SQL that runs unchanged on SQLite and SQL
/// Server, kept apart from the generated migrations so that they can be regenerated:
/// <list type="bullet">
/// <item>every url_link already used gets a <c>site</c> owned by the org of its earliest row (a company or product
/// category, a homepage tree node, or an item published by an operator org); the site's id is that row's id;</item>
/// <item>a smart product belongs to its creator's org (empty when the creator is gone: admins only);</item>
/// <item>a wlwl price row belongs to the org of the first <c>catalog.wlwl.saved</c> audit entry of the row (none, e.g.
/// the seeded row: the platform's, admins only).</item>
/// </list>
/// Rerunning it changes nothing.
/// </summary>
public static class SiteOwnershipBackfill
{
    /// <summary>Creates the sites of the url_links in use.</summary>
    public const string Sites = """
        WITH claims AS (
            SELECT id, url_link, org_id, user_id, create_at FROM company_category WHERE url_link <> ''
            UNION ALL SELECT id, url_link, org_id, user_id, create_at FROM product_category WHERE url_link <> ''
            UNION ALL SELECT id, url_link, org_id, user_id, create_at FROM homepage_category_tree WHERE url_link <> ''
            UNION ALL SELECT p.id, p.url_link, p.org_id, p.user_id, p.create_at FROM publish_product p
                JOIN organization o ON o.id = p.org_id WHERE p.url_link <> '' AND o.kind = 0
        )
        INSERT INTO site (id, url_link, org_id, user_id, create_at, update_time, del_flg)
        SELECT c.id, c.url_link, c.org_id, c.user_id, c.create_at, c.create_at, '0'
        FROM claims c
        WHERE NOT EXISTS (SELECT 1 FROM claims e WHERE e.url_link = c.url_link
                          AND (e.create_at < c.create_at OR (e.create_at = c.create_at AND e.id < c.id)))
          AND NOT EXISTS (SELECT 1 FROM site s WHERE s.url_link = c.url_link AND s.del_flg = '0');
        """;

    /// <summary>Gives each smart product its creator's org.</summary>
    public const string SmartProducts = """
        UPDATE smart_product
        SET org_id = COALESCE((SELECT u.org_id FROM users u WHERE u.id = smart_product.user_id), '')
        WHERE org_id = '';
        """;

    /// <summary>Gives each wlwl row the org of the first audit entry that saved it.</summary>
    public const string WlwlRows = """
        UPDATE wlwl_parameter
        SET org_id = (SELECT MIN(a.org_id) FROM audit_log a
                      WHERE a.entity_type = 'wlwl_parameter' AND a.entity_id = wlwl_parameter.id
                        AND a.action = 'catalog.wlwl.saved'
                        AND NOT EXISTS (SELECT 1 FROM audit_log b
                                        WHERE b.entity_type = a.entity_type AND b.entity_id = a.entity_id
                                          AND b.action = a.action AND b.create_at < a.create_at))
        WHERE org_id IS NULL;
        """;

    /// <summary>The three statements, in order.</summary>
    public static readonly IReadOnlyList<string> All = [Sites, SmartProducts, WlwlRows];
}
